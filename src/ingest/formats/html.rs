//! `.html`: the text a reader sees on a page saved from a portal — without scripts,
//! styles, forms or navigation (`nav`, `role="navigation"`) — with block elements
//! (paragraphs, headings, list items, table rows and cells, `br`) as line breaks and other
//! whitespace collapsed as a browser does. The bytes are UTF-8, the charset the page
//! declares, or a detected legacy Vietnamese encoding (text typed in a TCVN3 or VNI font
//! and saved as Unicode is converted by [`super::read_document`]).
//!
//! The page is read as a stream of tags (html5ever's tokenizer), never built into a tree:
//! time and memory are linear in its size however deep it nests or however many tags it
//! leaves open (a tree builder re-opens every unclosed `<b>` in each new block). An
//! element left out ends at its matching end tag, or where a browser would close it.
//!
//! It does not render CSS (hidden elements are kept) or run scripts.

use std::cell::RefCell;

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

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
    let sink = TextSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(&source));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let out = tokenizer.sink.state.into_inner().out;
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

/// Elements without content: they never open a region to leave out.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose end tag may be left out: a second one starts a sibling, not a child.
const OPTIONAL_END: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// What the tag stream has shown so far. The page is read as a stream of tags, never as
/// a tree: its cost is linear in its size whatever its nesting, and no element opens
/// more state than a counter.
#[derive(Default)]
struct State {
    out: String,
    /// The element whose content is left out (a script, a `nav`, a `hidden` element),
    /// and how many elements of that name are open inside it.
    left_out: Option<(LocalName, usize)>,
    /// How many `pre` elements are open.
    pre: usize,
}

#[derive(Default)]
struct TextSink {
    state: RefCell<State>,
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some((open, depth)) = &mut self.left_out {
            if *open == tag.name && !tag.self_closing {
                match tag.kind {
                    TagKind::StartTag if !OPTIONAL_END.contains(&name) => *depth += 1,
                    // A second `<li>` closes the first: this one is a sibling, read it.
                    TagKind::StartTag if *depth == 1 => *depth = 0,
                    TagKind::StartTag => {}
                    TagKind::EndTag => *depth -= 1,
                }
            } else if tag.kind == TagKind::EndTag && matches!(name, "body" | "html") {
                *depth = 0;
            } else if tag.kind == TagKind::StartTag && name == "body" && &**open == "head" {
                *depth = 0; // a head never closed ends where the body starts
            }
            let sibling = *depth == 0 && tag.kind == TagKind::StartTag && *open == tag.name;
            if *depth == 0 {
                self.left_out = None;
            }
            if !sibling {
                return raw_text_state(tag);
            }
        }
        let leaves_out = SKIPPED.contains(&name)
            || tag.attrs.iter().any(|a| {
                (&*a.name.local == "role" && &*a.value == "navigation") || &*a.name.local == "hidden"
            });
        if tag.kind == TagKind::StartTag && leaves_out && !VOID.contains(&name) && !tag.self_closing {
            self.left_out = Some((tag.name.clone(), 1));
            return raw_text_state(tag);
        }
        if BLOCKS.contains(&name) && !self.out.ends_with('\n') && !self.out.is_empty() {
            self.out.push('\n');
        }
        if name == "pre" {
            match tag.kind {
                TagKind::StartTag => self.pre += 1,
                TagKind::EndTag => self.pre = self.pre.saturating_sub(1),
            }
        }
        raw_text_state(tag)
    }
}

/// The tokenizer's state after a start tag, as a browser's tree builder would set it:
/// the content of `script`, `style` … is text, not tags.
fn raw_text_state(tag: &Tag) -> TokenSinkResult<()> {
    if tag.kind != TagKind::StartTag || tag.self_closing {
        return TokenSinkResult::Continue;
    }
    match &*tag.name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => state.tag(&tag),
            Token::CharacterTokens(text) if state.left_out.is_none() => {
                let pre = state.pre > 0;
                push_text(&text, pre, &mut state.out);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
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

    #[test]
    fn hostile_pages_cost_time_linear_in_their_size() {
        let deep =
            |open: &str, close: &str, n: usize| format!("{}Kế hoạch{}", open.repeat(n), close.repeat(n));
        let distinct_unclosed: String = (0..3000).map(|i| format!("<b{i}>x<p>")).collect();
        let cases: Vec<(&str, String, &str)> = vec![
            ("15,000 nested <b>", deep("<b>", "</b>", 15_000), "Kế hoạch"),
            (
                "15,000 nested <table>",
                deep("<table><tr><td>", "</td></tr></table>", 15_000),
                "Kế hoạch",
            ),
            (
                "100,000 nested <div>",
                deep("<div>", "</div>", 100_000),
                "Kế hoạch",
            ),
            (
                "100,000 unclosed <span>",
                "<span>".repeat(100_000) + "Kế hoạch",
                "Kế hoạch",
            ),
            ("3,000 distinct unclosed tags", distinct_unclosed, "x"),
            (
                "15,000 nested hidden elements",
                deep("<div hidden>", "</div>", 15_000) + "<p>Kế hoạch</p>",
                "Kế hoạch",
            ),
        ];
        for (name, page, want) in cases {
            let (text, _) = text(page.as_bytes()).unwrap();
            assert!(text.lines().all(|l| l.is_empty() || l == want), "{name}");
            assert!(text.contains(want), "{name}");
        }
    }

    #[test]
    fn left_out_elements_end_where_a_browser_ends_them() {
        let cases: &[(&str, &str)] = &[
            ("<div hidden><div>x</div>y</div><p>z</p>", "z"),
            ("<ul><li role=navigation>menu<li>kept</ul>", "kept"),
            ("<head><title>t</title><body><p>body</p>", "body"),
            ("<script>document.write('<div>')</script><p>z</p>", "z"),
            ("<style>p{}</style><pre>a\n  b</pre>", "a\nb"),
        ];
        for (page, want) in cases {
            let (text, _) = text(page.as_bytes()).unwrap();
            assert_eq!(text.trim(), *want, "{page}");
        }
    }
}
