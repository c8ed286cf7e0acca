//! HTML/XML text escaping, both ways, for the few places that write markup (snippets,
//! GraphML) or read it back (snippets shown in a terminal). Only the five entities plancite
//! itself writes are decoded; this is no HTML parser.
//!
//! ```
//! use plancite::escape::{escape, unescape};
//! let text = r#"<Kế hoạch> "số" 1 & 2"#;
//! assert_eq!(unescape(&escape(text)), text);
//! ```

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

/// The inverse of [`escape`] (also reads `&#39;`).
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
