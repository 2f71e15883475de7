//! What krm says, in German or English. Every text a person reads comes from
//! the Fluent message files under `locales/` (German by default, English on
//! request), looked up by id through [`tr!`](crate::tr). The language is
//! decided once, before the command line is built: `--lang`, else an English
//! locale in `LC_ALL` / `LC_MESSAGES` / `LANG` (in POSIX order of precedence);
//! anything else, `C` and `POSIX` included, is German. Fluent chooses the
//! plural forms ("1 Tag", "2 Tage"). Keys of JSON and CSV output, command and
//! flag names are not texts and stay as they are.

pub mod clap_de;
#[cfg(test)]
mod coverage;

use std::collections::HashMap;
use std::ffi::OsString;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod files {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// A language krm speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// The code used in file names and for `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// `de` / `en` (and their long names), as `--lang` takes them.
    pub fn parse(value: &str) -> Option<Lang> {
        match value.trim().to_ascii_lowercase().as_str() {
            "de" | "deutsch" | "german" => Some(Lang::De),
            "en" | "englisch" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Fix the language for the rest of the process; the first call wins.
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in use: German unless [`set`] chose otherwise.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::De)
}

/// The language a command line and environment ask for. `--lang X` or
/// `--lang=X` anywhere before `--` wins (an unknown value is left for clap to
/// refuse, in German); then the first set one of `LC_ALL`, `LC_MESSAGES`,
/// `LANG`: English when it starts with `en`, German for anything else.
pub fn detect(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|w| w.into_owned()),
            Some(rest) if rest.starts_with('=') => Some(rest[1..].to_owned()),
            _ => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = env(var).filter(|v| !v.is_empty()) {
            return if value.starts_with("en") { Lang::En } else { Lang::De };
        }
    }
    Lang::De
}

type Bundle = FluentBundle<FluentResource>;

/// All message files of one language in one bundle. A file that does not
/// parse, or an id defined twice, is a defect the tests catch
/// ([`problems`]); at run time the rest still works.
fn build(lang: Lang) -> (Bundle, Vec<String>) {
    let id = lang.code().parse().expect("a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    for (l, name, text) in files::FILES {
        if *l != lang.code() {
            continue;
        }
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, errors)| {
            problems.extend(errors.iter().map(|e| format!("{}/{name}: {e:?}", lang.code())));
            partial
        });
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| format!("{}/{name}: {e:?}", lang.code())));
        }
    }
    (bundle, problems)
}

/// The bundle of the one message file that defines `id` in `lang`, parsed
/// the first time one of its messages is needed: a command parses only the
/// files whose messages it prints (parsing them all would double the time
/// `krm show` takes).
fn bundle_of(lang: Lang, id: &str) -> Option<&'static Bundle> {
    static BUNDLES: [OnceLock<Bundle>; files::FILES.len()] = [const { OnceLock::new() }; files::FILES.len()];
    let at = files::INDEX.binary_search_by(|(l, i, _)| (*l, *i).cmp(&(lang.code(), id))).ok()?;
    let file = files::INDEX[at].2;
    Some(BUNDLES[file].get_or_init(|| {
        let langid = lang.code().parse().expect("a language identifier");
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        let resource = match FluentResource::try_new(files::FILES[file].2.to_owned()) {
            Ok(r) | Err((r, _)) => r,
        };
        // A doubly defined id is reported by `problems`; the first one wins.
        let _ = bundle.add_resource(resource);
        bundle
    }))
}

/// Whether message `id` is found in `lang` (through the index of its file).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle_of(lang, id).is_some_and(|b| b.has_message(id))
}

/// Parse errors and doubly defined ids in the message files of `lang`.
pub fn problems(lang: Lang) -> Vec<String> {
    build(lang).1
}

/// Every message id of `lang` with the names of its attributes, for the test
/// that both languages say the same things.
pub fn ids(lang: Lang) -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    for (l, _, text) in files::FILES {
        if *l != lang.code() {
            continue;
        }
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let mut attrs: Vec<String> = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
                attrs.sort();
                out.insert(m.id.name.to_string(), attrs);
            }
        }
    }
    out
}

/// One argument of a message, as [`tr!`](crate::tr) passes it.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

/// Conversion of the values a message takes: text, counts, amounts.
pub trait IntoArg<'a> {
    fn into_arg(self) -> FluentValue<'a>;
}

impl<'a> IntoArg<'a> for &'a str {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}
impl<'a> IntoArg<'a> for &'a String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self.as_str())
    }
}
impl<'a> IntoArg<'a> for String {
    fn into_arg(self) -> FluentValue<'a> {
        FluentValue::from(self)
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl<'a> IntoArg<'a> for $t {
            fn into_arg(self) -> FluentValue<'a> {
                FluentValue::from(self)
            }
        }
        impl<'a> IntoArg<'a> for &$t {
            fn into_arg(self) -> FluentValue<'a> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(i64, i32, u32, u64, usize, f64);

/// The text of message `id` (or of its attribute, `id.attr`) in the language
/// in use, with `args` filled in. An id missing in that language falls back
/// to the other one, then to the id itself — never a panic in front of a
/// user; the tests make sure it does not happen.
pub fn text(id: &str, args: &[Arg<'_>]) -> String {
    text_in(lang(), id, args).or_else(|| text_in(other(lang()), id, args)).unwrap_or_else(|| id.to_owned())
}

fn other(lang: Lang) -> Lang {
    if lang == Lang::De {
        Lang::En
    } else {
        Lang::De
    }
}

/// The text of `id` in `lang`, if it has one there.
pub fn text_in(lang: Lang, id: &str, args: &[Arg<'_>]) -> Option<String> {
    let (msg_id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let bundle = bundle_of(lang, msg_id)?;
    let message = bundle.get_message(msg_id)?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
    Some(out.into_owned())
}

/// The text of a message in the language in use:
/// `tr!("due-none")`, `tr!("due-days-left", days = n)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),+])
    };
}
