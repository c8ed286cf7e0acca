//! `.html`: the text a reader sees on a page saved from a portal — without scripts,
//! styles, forms or navigation (`nav`, `role="navigation"`) — with block elements
//! (paragraphs, headings, list items, table rows and cells, `br`) as line breaks and other
//! whitespace collapsed as a browser does. The bytes are UTF-8, the charset the page
//! declares, or a detected legacy Vietnamese encoding (text typed in a TCVN3 or VNI font
//! and saved as Unicode is converted by [`super::read_document`]).
//!
//! It does not render CSS (hidden elements are kept) or run scripts.

use scraper::{ElementRef, Html, Node};

use super::{decode_text, legacy};
use crate::error::SkipReason;

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "form", "button", "select", "svg", "iframe",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "ul",
    "ol",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "main",
    "aside",
    "caption",
    "figure",
    "figcaption",
    "address",
    "center",
    "body",
];

/// The visible text of an HTML page and its encoding.
pub fn text(bytes: &[u8]) -> Result<(String, &'static str), SkipReason> {
    let (source, encoding) = decode_page(bytes)?;
    let page = Html::parse_document(&source);
    let mut out = String::new();
    walk(page.root_element(), false, &mut out);
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    Ok((lines.join("\n"), encoding))
}

fn decode_page(bytes: &[u8]) -> Result<(String, &'static str), SkipReason> {
    if std::str::from_utf8(bytes).is_ok()
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
    {
        return decode_text(bytes);
    }
    // A declared charset (`<meta charset=…>`) that encoding_rs knows, unless the bytes are
    // in one of the font encodings that pages never declare.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|at| {
        let label: String = head[at + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    match (legacy::detect(bytes), declared) {
        (Some((enc, text)), _) => Ok((text, enc.name())),
        (None, Some(enc)) if enc != encoding_rs::UTF_8 => {
            let (text, _, _) = enc.decode(bytes);
            Ok((
                text.into_owned(),
                if enc == encoding_rs::WINDOWS_1258 {
                    "windows-1258"
                } else {
                    "declared"
                },
            ))
        }
        _ => decode_text(bytes),
    }
}

fn push_text(text: &str, pre: bool, out: &mut String) {
    if pre {
        out.push_str(text);
        return;
    }
    let mut last_space = out.ends_with([' ', '\n']) || out.is_empty();
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

fn walk(element: ElementRef, pre: bool, out: &mut String) {
    let name = element.value().name();
    if SKIPPED.contains(&name)
        || element.value().attr("role") == Some("navigation")
        || element.value().attr("hidden").is_some()
    {
        return;
    }
    let block = BLOCKS.contains(&name);
    if block && !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    let pre = pre || name == "pre";
    for child in element.children() {
        if let Some(child) = ElementRef::wrap(child) {
            walk(child, pre, out);
        } else if let Node::Text(text) = child.value() {
            push_text(text, pre, out);
        }
    }
    if block && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_text() {
        let cases: &[(&str, &[u8], &str)] = &[
            (
                "blocks are lines",
                "<html><body><h1>KẾ HOẠCH</h1><p>Số:\n  70/KH-UBND</p><div>a<br>b</div></body></html>"
                    .as_bytes(),
                "KẾ HOẠCH\nSố: 70/KH-UBND\na\nb",
            ),
            (
                "scripts, styles and navigation left out",
                b"<head><style>p{}</style><script>x()</script></head><body><nav>Menu</nav>\
                  <ul role=\"navigation\"><li>Trang</li></ul><p>Text</p><noscript>no</noscript></body>",
                "Text",
            ),
            (
                "table cells as lines",
                b"<table><tr><td>A</td><td>B</td></tr></table>",
                "A\nB",
            ),
            ("entities", b"<p>Ngh&#7883; &amp; &lt;x&gt;</p>", "Nghị & <x>"),
            (
                "declared Windows-1258",
                b"<meta charset=\"windows-1258\"><p>Ha\xd2i Pho\xccng</p>",
                "Hải Phòng",
            ),
        ];
        for (name, html, want) in cases {
            let (text, _) = text(html).unwrap();
            let text: String = unicode_normalization::UnicodeNormalization::nfc(text.trim()).collect();
            assert_eq!(text, *want, "{name}");
        }
    }
}
