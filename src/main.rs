//! The forkyard binary: the command line of `forkyard::cli`.

fn main() -> std::process::ExitCode {
    forkyard::cli::main()
}
