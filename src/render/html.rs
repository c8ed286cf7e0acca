//! HTML and XML text: escaping, and a [`Snippet`] as HTML with `<mark>` around what
//! matched — the form the JSON API and the page carry it in.
//!
//! A snippet is data ([`crate::query::highlight`]); this file is the one place that writes
//! it as markup. Its [`Serialize`] form is that HTML string, so a search hit or a trace
//! task serialised anywhere (CLI `--json`, the HTTP API) carries the same text as before
//! snippets became data.
//!
//! ```
//! use plancite::query::highlight::Snippet;
//! let snippet = Snippet { text: "a < b và c".into(), matches: vec![0..1, 10..11] };
//! assert_eq!(snippet.to_html(), "<mark>a</mark> &lt; b và <mark>c</mark>");
//! ```

use serde::{Serialize, Serializer};

use crate::query::highlight::Snippet;

/// `text` with `& < > " '` written as entities: safe inside HTML and XML text and
/// attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// `snippet` as HTML: its text escaped, with `<mark>` around each match.
pub fn snippet(snippet: &Snippet) -> String {
    let mut html = String::with_capacity(snippet.text.len() + 16 * snippet.matches.len());
    for (piece, matched) in snippet.pieces() {
        if matched {
            html.push_str("<mark>");
            html.push_str(&escape(piece));
            html.push_str("</mark>");
        } else {
            html.push_str(&escape(piece));
        }
    }
    html
}

impl Snippet {
    /// The snippet as HTML, as tantivy's `Snippet::to_html` (see [`snippet`]).
    pub fn to_html(&self) -> String {
        snippet(self)
    }
}

/// A snippet travels in JSON as its HTML (see the module notes).
impl Serialize for Snippet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&snippet(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_escaped_and_marked() {
        // (text, matches as (start, end) bytes, HTML)
        type Case<'a> = (&'a str, &'a [(usize, usize)], &'a str);
        let cases: &[Case] = &[
            ("", &[], ""),
            ("x < y", &[], "x &lt; y"),
            ("Bình đẳng giới", &[(0, 20)], "<mark>Bình đẳng giới</mark>"),
            (
                r#"a & "b" 'c'"#,
                &[(4, 7)],
                "a &amp; <mark>&quot;b&quot;</mark> &#x27;c&#x27;",
            ),
            ("ab", &[(0, 1), (1, 2)], "<mark>a</mark><mark>b</mark>"),
        ];
        for (text, matches, want) in cases {
            let snippet = Snippet {
                text: text.to_string(),
                matches: matches.iter().map(|&(start, end)| start..end).collect(),
            };
            assert_eq!(snippet.to_html(), *want, "{text}");
            assert_eq!(
                serde_json::to_string(&snippet).unwrap(),
                serde_json::to_string(want).unwrap()
            );
        }
    }
}
