//! Embeds a copy of `lessons/` into the binary (`src/lesson/catalog.rs` includes the generated
//! table), so an installed forkyard has its lessons wherever it runs.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=lessons");
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("lessons");
    let mut out = String::from("pub(super) static EMBEDDED: &[(&str, &[(&str, &str)])] = &[\n");
    for dir in sorted_entries(&root) {
        if !dir.is_dir() || hidden(&dir) {
            continue;
        }
        let id = dir.file_name().expect("a directory entry has a name");
        writeln!(out, "    ({:?}, &[", id.to_string_lossy()).expect("write to a String");
        for file in sorted_entries(&dir) {
            let lesson_file = file.extension().is_some_and(|e| e == "toml" || e == "py");
            if !file.is_file() || hidden(&file) || !lesson_file {
                continue;
            }
            let name = file.file_name().expect("a directory entry has a name");
            // Relative to the crate, not an absolute path: the generated table stays right when a
            // build directory is reused by another checkout of the same tree.
            let relative = format!(
                "/lessons/{}/{}",
                id.to_string_lossy(),
                name.to_string_lossy()
            );
            writeln!(
                out,
                "        ({:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {:?}))),",
                name.to_string_lossy(),
                relative
            )
            .expect("write to a String");
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_lessons.rs");
    fs::write(dest, out).expect("write embedded_lessons.rs");
}

fn sorted_entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut entries: Vec<_> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    };
    entries.sort();
    entries
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}
