//! lesson.toml exactly as written: serde structs with spans, before any validation.
//! Almost everything is optional here so that `load` can say what is missing in its own words.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

pub(crate) type S<T> = Spanned<T>;

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLesson {
    pub title: Option<S<RawText>>,
    pub summary: Option<S<RawText>>,
    pub what: Option<S<RawText>>,
    pub watch: Option<S<RawText>>,
    pub why: Option<S<RawText>>,
    #[serde(default)]
    pub program: Vec<S<RawProgram>>,
    #[serde(default)]
    pub knob: Vec<S<RawKnob>>,
    #[serde(default)]
    pub notice: Vec<S<RawNotice>>,
    #[serde(default)]
    pub note: Vec<S<RawNote>>,
    pub recap: Option<S<RawText>>,
    pub next: Option<S<RawText>>,
    #[serde(default)]
    pub card: Vec<S<RawCard>>,
    #[serde(default)]
    pub predict: Vec<S<RawPredict>>,
    #[serde(default)]
    pub challenge: Vec<S<RawChallenge>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawText {
    pub en: Option<S<String>>,
    pub zh: Option<S<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProgram {
    pub file: Option<S<String>>,
    pub label: Option<S<RawText>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawKnob {
    pub name: Option<S<String>>,
    pub key: Option<S<String>>,
    pub label: Option<S<RawText>>,
    pub options: Option<S<Vec<S<toml::Value>>>>,
    pub default: Option<S<toml::Value>>,
    pub compare: Option<S<bool>>,
    pub endless: Option<S<Vec<S<toml::Value>>>>,
    #[serde(default)]
    pub edit: Vec<S<RawEdit>>,
    pub run: Option<S<BTreeMap<S<String>, S<RawRun>>>>,
}

/// What a knob option changes in the run itself: `run = { pipe = { stdout = "pipe" } }`.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRun {
    pub stdout: Option<S<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEdit {
    pub file: Option<S<String>>,
    pub find: Option<S<String>>,
    pub when: Option<S<BTreeMap<S<String>, S<String>>>>,
    pub template: Option<S<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNotice {
    pub en: Option<S<String>>,
    pub zh: Option<S<String>>,
    pub lane: Option<S<String>>,
    pub event: Option<S<String>>,
    pub program: Option<S<String>>,
    pub code: Option<S<String>>,
    pub when: Option<S<Vec<S<String>>>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNote {
    pub says: Option<S<RawText>>,
    pub really: Option<S<RawText>>,
    pub program: Option<S<String>>,
    pub set: Option<S<Vec<S<String>>>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCard {
    pub title: Option<S<RawText>>,
    pub en: Option<S<String>>,
    pub zh: Option<S<String>>,
}

/// A `[[predict]]`: a question asked before a run, graded from the run (`predict.rs`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPredict {
    pub question: Option<S<RawText>>,
    pub kind: Option<S<String>>,
    pub choices: Option<S<Vec<S<toml::Value>>>>,
    pub any: Option<S<bool>>,
    pub process: Option<S<String>>,
    pub prefix: Option<S<String>>,
    pub tolerance: Option<S<toml::Value>>,
    pub explain: Option<S<RawText>>,
    pub program: Option<S<String>>,
    pub set: Option<S<Vec<S<String>>>>,
}

/// A `[[challenge]]`: an outcome to make happen in a held run, graded from it (`challenge.rs`).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChallenge {
    pub text: Option<S<RawText>>,
    pub hint: Option<S<RawText>>,
    pub program: Option<S<String>>,
    pub set: Option<S<Vec<S<String>>>>,
    #[serde(default)]
    pub goal: Vec<S<RawGoal>>,
}

/// A `[[challenge.goal]]`: one thing the run must show; `kind` says which fields it takes.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGoal {
    pub kind: Option<S<String>>,
    pub line: Option<S<String>>,
    pub process: Option<S<String>>,
    pub ending: Option<S<String>>,
    pub prefix: Option<S<String>>,
    pub value: Option<S<toml::Value>>,
    pub seconds: Option<S<toml::Value>>,
    pub tolerance: Option<S<toml::Value>>,
    pub first: Option<S<String>>,
    pub then: Option<S<String>>,
    pub exception: Option<S<String>>,
}
