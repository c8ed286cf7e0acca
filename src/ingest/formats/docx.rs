//! `.docx`: the text of a WordprocessingML document — body paragraphs in order, each
//! table cell's paragraphs as lines (a plan's header is usually a two-column table), and
//! footnotes and endnotes after the body. Page headers and footers (separate parts) are
//! not read, nor is tracked-deleted text (`w:del`), field codes, or the fallback copy of
//! text boxes. Runs set in a legacy Vietnamese font (`.VnTime…`: TCVN3; `VNI-…`: VNI)
//! are converted to Unicode; a font ending in `H` (`.VnTimeH`) draws capitals.
//!
//! It does not read `.doc` (old binary Word), images or styles beyond the default font.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::legacy::{self, Legacy};
use crate::error::SkipReason;
use crate::ingest::limits::Limits;

/// The text of a `.docx` and its encoding (`utf-8`, or the legacy encoding of its runs).
pub fn text(bytes: &[u8], limits: &Limits) -> Result<(String, &'static str), SkipReason> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| SkipReason::DocxNotZip(e.to_string()))?;
    // What the parts read so far unpacked to: the zip's own sizes may lie.
    let mut unpacked: u64 = 0;
    let mut part =
        |zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| -> Result<Option<String>, SkipReason> {
            let mut file = match zip.by_name(name) {
                Ok(file) => file,
                Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                Err(e) => {
                    return Err(SkipReason::DocxBadPart {
                        part: name.to_string(),
                        error: e.to_string(),
                    });
                }
            };
            let room = limits.max_decompressed_bytes.saturating_sub(unpacked);
            let mut xml = String::new();
            (&mut file)
                .take(room + 1)
                .read_to_string(&mut xml)
                .map_err(|e| SkipReason::DocxBadPart {
                    part: name.to_string(),
                    error: e.to_string(),
                })?;
            unpacked += xml.len() as u64;
            if unpacked > limits.max_decompressed_bytes {
                return Err(limits.docx_too_large());
            }
            Ok(Some(xml))
        };
    let document = part(&mut zip, "word/document.xml")?.ok_or(SkipReason::DocxNoDocument)?;
    let fonts = part(&mut zip, "word/styles.xml")?
        .as_deref()
        .map(Fonts::from_styles)
        .unwrap_or_default();
    let mut out = Extracted::default();
    body_text(&document, &fonts, &mut out)?;
    for notes in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = part(&mut zip, notes)? {
            body_text(&xml, &fonts, &mut out)?;
        }
    }
    Ok((out.text, out.legacy.map_or("utf-8", Legacy::name)))
}

#[derive(Default)]
struct Extracted {
    text: String,
    legacy: Option<Legacy>,
}

/// The legacy encoding a font name implies, and whether it draws capitals (the TCVN3
/// `…H` fonts: `.VnTimeH`, `.VnArialH`).
pub fn legacy_font(font: &str) -> Option<(Legacy, bool)> {
    let lower = font.trim().to_ascii_lowercase();
    let capitals = lower.len() > 4 && lower.ends_with('h');
    if lower.starts_with(".vn") {
        Some((Legacy::Tcvn3, capitals))
    } else if lower.starts_with("vni-") || lower.starts_with("vni ") {
        Some((Legacy::Vni, false))
    } else {
        None
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn xml_error(e: impl std::fmt::Display) -> SkipReason {
    SkipReason::DocxBadXml(e.to_string())
}

/// The fonts `styles.xml` sets: the document default (`w:docDefaults`) and each style's
/// own or inherited (`w:basedOn`) font.
#[derive(Debug, Default)]
struct Fonts {
    default: String,
    styles: HashMap<String, String>,
}

impl Fonts {
    fn from_styles(styles: &str) -> Fonts {
        let mut reader = Reader::from_str(styles);
        let mut fonts = Fonts::default();
        let mut based_on: HashMap<String, String> = HashMap::new();
        let (mut in_defaults, mut style): (bool, Option<String>) = (false, None);
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) if e.name().as_ref() == "w:docDefaults" => in_defaults = true,
                Event::End(e) if e.name().as_ref() == "w:docDefaults" => in_defaults = false,
                Event::Start(e) if e.name().as_ref() == "w:style" => style = attr(&e, "w:styleId"),
                Event::End(e) if e.name().as_ref() == "w:style" => style = None,
                Event::Start(e) | Event::Empty(e) => match (e.name().as_ref(), &style) {
                    ("w:rFonts", Some(id)) => {
                        fonts.styles.extend(font_of(&e).map(|f| (id.clone(), f)));
                    }
                    ("w:rFonts", None) if in_defaults => fonts.default = font_of(&e).unwrap_or_default(),
                    ("w:basedOn", Some(id)) => {
                        based_on.extend(attr(&e, "w:val").map(|v| (id.clone(), v)));
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        // A style without a font of its own takes its base style's (a few levels at most).
        for _ in 0..8 {
            for (id, base) in &based_on {
                if !fonts.styles.contains_key(id)
                    && let Some(font) = fonts.styles.get(base).cloned()
                {
                    fonts.styles.insert(id.clone(), font);
                }
            }
        }
        fonts
    }

    fn style(&self, id: Option<&String>) -> Option<String> {
        id.and_then(|id| self.styles.get(id)).cloned()
    }
}

fn font_of(e: &BytesStart) -> Option<String> {
    attr(e, "w:ascii").or_else(|| attr(e, "w:hAnsi"))
}

/// Appends the text of a document, footnotes or endnotes part.
fn body_text(xml: &str, fonts: &Fonts, out: &mut Extracted) -> Result<(), SkipReason> {
    let mut reader = Reader::from_str(xml);
    // Depth inside elements whose text is not the document's: deletions, field codes,
    // text-box fallbacks, separator footnotes.
    let mut hidden = 0usize;
    let mut in_text = false;
    // A run's font: its own, else its character style's, else its paragraph style's,
    // else the document default.
    let mut run_font: Option<String> = None;
    let mut para_font: Option<String> = None;
    let mut run_text = String::new();
    let flush =
        |run_text: &mut String, font: &Option<String>, para_font: &Option<String>, out: &mut Extracted| {
            if run_text.is_empty() {
                return;
            }
            let font = font.as_deref().or(para_font.as_deref()).unwrap_or(&fonts.default);
            match legacy_font(font) {
                Some((enc, capitals)) => {
                    let decoded = legacy::decode_chars(enc, run_text);
                    out.text
                        .push_str(&if capitals { decoded.to_uppercase() } else { decoded });
                    out.legacy.get_or_insert(enc);
                }
                None => out.text.push_str(run_text),
            }
            run_text.clear();
        };
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "w:del" | "w:instrText" | "w:delText" | "mc:Fallback" => hidden += 1,
                "w:footnote" | "w:endnote" if attr(&e, "w:type").is_some_and(|t| t != "normal") => {
                    hidden += 1
                }
                "w:r" => {
                    flush(&mut run_text, &run_font, &para_font, out);
                    run_font = None;
                }
                "w:t" => in_text = true,
                "w:rFonts" => run_font = font_of(&e),
                "w:p" => para_font = None,
                _ => {}
            },
            Event::Empty(e) if hidden == 0 => match e.name().as_ref() {
                "w:rFonts" => run_font = font_of(&e).or(run_font.take()),
                "w:rStyle" => run_font = run_font.take().or(fonts.style(attr(&e, "w:val").as_ref())),
                "w:pStyle" => para_font = fonts.style(attr(&e, "w:val").as_ref()),
                "w:tab" => run_text.push('\t'),
                "w:br" | "w:cr" => run_text.push('\n'),
                "w:p" => out.text.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && hidden == 0 => {
                run_text.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text && hidden == 0 => {
                let c = match r.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                run_text.extend(c);
            }
            Event::End(e) => match e.name().as_ref() {
                "w:del" | "w:instrText" | "w:delText" | "mc:Fallback" => hidden = hidden.saturating_sub(1),
                "w:footnote" | "w:endnote" if hidden > 0 => hidden -= 1,
                "w:t" => in_text = false,
                "w:r" => {
                    flush(&mut run_text, &run_font, &para_font, out);
                    run_font = None;
                }
                "w:p" if hidden == 0 => {
                    flush(&mut run_text, &run_font, &para_font, out);
                    out.text.push('\n');
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    flush(&mut run_text, &run_font, &para_font, out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_set_legacy_fonts() {
        let styles = r#"<w:styles xmlns:w="w"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:styleId="Vn"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
            <w:style w:styleId="VnBody"><w:basedOn w:val="Vn"/></w:style>
            <w:style w:styleId="VnCaps"><w:rPr><w:rFonts w:ascii=".VnTimeH"/></w:rPr></w:style></w:styles>"#;
        let fonts = Fonts::from_styles(styles);
        let cases = [
            (
                r#"<w:p><w:r><w:t>H&#181; N&#233;i</w:t></w:r></w:p>"#,
                "H&#181; N&#233;i",
            ),
            (
                r#"<w:p><w:pPr><w:pStyle w:val="VnBody"/></w:pPr><w:r><w:t>H&#181; N&#233;i</w:t></w:r></w:p>"#,
                "Hà Nội",
            ),
            (
                r#"<w:p><w:r><w:rPr><w:rStyle w:val="VnCaps"/></w:rPr><w:t>k&#213; ho&#185;ch</w:t></w:r></w:p>"#,
                "KẾ HOẠCH",
            ),
        ];
        for (xml, want) in cases {
            let mut out = Extracted::default();
            body_text(
                &format!(r#"<w:document xmlns:w="w">{xml}</w:document>"#),
                &fonts,
                &mut out,
            )
            .unwrap();
            let want = want.replace("&#181;", "µ").replace("&#233;", "é");
            assert_eq!(out.text.trim(), want, "{xml}");
        }
    }

    #[test]
    fn legacy_fonts() {
        let cases = [
            (".VnTime", Some((Legacy::Tcvn3, false))),
            (".VnTimeH", Some((Legacy::Tcvn3, true))),
            (".VnArial", Some((Legacy::Tcvn3, false))),
            ("VNI-Times", Some((Legacy::Vni, false))),
            ("Times New Roman", None),
            ("", None),
        ];
        for (font, want) in cases {
            assert_eq!(legacy_font(font), want, "{font}");
        }
    }

    #[test]
    fn body_text_keeps_cells_and_drops_deletions() {
        let w = r#"xmlns:w="w""#;
        let cases = [
            (
                format!(
                    r#"<w:document {w}><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>UBND</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>CỘNG HÒA</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#
                ),
                "UBND\nCỘNG HÒA\n",
            ),
            (
                format!(
                    r#"<w:document {w}><w:p><w:r><w:t>a</w:t></w:r><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> b&amp;c</w:t></w:r></w:ins></w:p></w:document>"#
                ),
                "a b&c\n",
            ),
            (
                format!(
                    r#"<w:document {w}><w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>H&#181; N&#233;i</w:t></w:r><w:r><w:t> ok</w:t></w:r></w:p></w:document>"#
                ),
                "Hà Nội ok\n",
            ),
        ];
        for (xml, want) in cases {
            let mut out = Extracted::default();
            body_text(&xml, &Fonts::default(), &mut out).unwrap();
            assert_eq!(out.text, want);
        }
    }
}
