//! What a PDF would cost to read, checked before the PDF library reads it: the bytes its
//! compressed streams inflate to, and the number of codes its Unicode maps (`ToUnicode`
//! CMaps) declare. The library inflates every stream whole and expands every code range
//! into a table, so a 1 MB flate bomb would take gigabytes and a 923-byte map with a
//! range of four billion codes half a minute; here each is counted, never kept, and the
//! PDF is skipped with the limit it passes.
//!
//! Streams are found by their `stream` keyword in the raw bytes (object streams too,
//! which the library inflates while loading); images are not counted, as text
//! extraction never decodes them. The count stops as soon as the budget is spent, so the
//! check costs time linear in the file plus the budget.

use std::io::Read;

use flate2::read::{DeflateDecoder, ZlibDecoder};
use memchr::memmem;

use crate::error::SkipReason;

/// Most codes all the Unicode maps of one PDF may declare (a two-byte font maps at most
/// 65,536).
pub const MAX_UNICODE_MAP_CODES: u64 = 1 << 20;

/// How much of each inflated stream is kept to look for Unicode maps in it.
const KEPT_FOR_MAPS: usize = 1 << 20;

/// Checks the raw bytes of a PDF against `max_inflated` bytes of inflated streams.
pub fn check(bytes: &[u8], max_inflated: u64) -> Result<(), SkipReason> {
    let mut inflated: u64 = 0;
    let mut map_codes = unicode_map_codes(bytes);
    for at in memmem::find_iter(bytes, b"stream") {
        if at > 0 && bytes[at - 1] == b'd' {
            continue; // `endstream`
        }
        let rest = &bytes[at + 6..];
        let data = match rest {
            [b'\r', b'\n', data @ ..] | [b'\n', data @ ..] | [b'\r', data @ ..] => data,
            _ => continue,
        };
        let dict = dictionary_before(bytes, at);
        if memmem::find(dict, b"/Image").is_some() {
            continue;
        }
        let ascii85;
        let data = if memmem::find(dict, b"ASCII85Decode").is_some() {
            ascii85 = decode_ascii85(data);
            &ascii85[..]
        } else {
            data
        };
        let budget = max_inflated.saturating_sub(inflated);
        let (count, kept) = if memmem::find(dict, b"LZWDecode").is_some() {
            unlzw(data, budget)
        } else {
            inflate(data, budget)
        };
        inflated += count;
        if inflated > max_inflated {
            return Err(too_large(max_inflated));
        }
        map_codes = map_codes.saturating_add(unicode_map_codes(&kept));
    }
    if map_codes > MAX_UNICODE_MAP_CODES {
        return Err(SkipReason::PdfTooManyMapCodes {
            limit: MAX_UNICODE_MAP_CODES,
        });
    }
    Ok(())
}

/// Checks the streams of a decrypted PDF (their flate data) against `max_inflated`.
pub fn check_decrypted<'a>(
    streams: impl Iterator<Item = &'a [u8]>,
    max_inflated: u64,
) -> Result<(), SkipReason> {
    let mut inflated: u64 = 0;
    for data in streams {
        inflated += inflate(data, max_inflated.saturating_sub(inflated)).0;
        if inflated > max_inflated {
            return Err(too_large(max_inflated));
        }
    }
    Ok(())
}

fn too_large(max_inflated: u64) -> SkipReason {
    SkipReason::PdfUnpacksTooLarge {
        limit_mib: max_inflated >> 20,
    }
}

/// The bytes between the object's start (`obj`) and its `stream` keyword, at most 4 KiB.
fn dictionary_before(bytes: &[u8], stream_at: usize) -> &[u8] {
    let from = stream_at.saturating_sub(4096);
    let window = &bytes[from..stream_at];
    match memmem::rfind(window, b"obj") {
        Some(at) => &window[at..],
        None => window,
    }
}

/// How many bytes `data` inflates to (zlib, else raw deflate after the two header
/// bytes, as the PDF library tries), counted up to `budget + 1`, with the first
/// [`KEPT_FOR_MAPS`] bytes when they may hold a Unicode map.
fn inflate(data: &[u8], budget: u64) -> (u64, Vec<u8>) {
    let mut kept = Vec::new();
    let count = count_into(ZlibDecoder::new(data), budget, &mut kept);
    if count > 0 || data.len() <= 2 {
        return (count, kept);
    }
    let count = count_into(DeflateDecoder::new(&data[2..]), budget, &mut kept);
    (count, kept)
}

/// How many bytes LZW `data` decodes to, counted up to `budget + 1`, in either of the
/// two code-size conventions (`/EarlyChange`), whichever decodes further.
fn unlzw(data: &[u8], budget: u64) -> (u64, Vec<u8>) {
    struct Counter {
        count: u64,
        budget: u64,
        kept: Vec<u8>,
    }
    impl std::io::Write for Counter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.kept.len() < KEPT_FOR_MAPS {
                let room = KEPT_FOR_MAPS - self.kept.len();
                self.kept.extend_from_slice(&buf[..buf.len().min(room)]);
            }
            self.count += buf.len() as u64;
            if self.count > self.budget {
                return Err(std::io::Error::other("over budget"));
            }
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut best = (0, Vec::new());
    for early_change in [true, false] {
        let mut decoder = if early_change {
            weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
        } else {
            weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
        };
        let mut counter = Counter {
            count: 0,
            budget,
            kept: Vec::new(),
        };
        let _ = decoder.into_stream(&mut counter).decode(data);
        if counter.count >= best.0 {
            best = (counter.count, counter.kept);
        }
    }
    best
}

fn count_into(mut decoder: impl Read, budget: u64, kept: &mut Vec<u8>) -> u64 {
    let mut buffer = [0u8; 64 * 1024];
    let mut count: u64 = 0;
    while count <= budget {
        match decoder.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if kept.len() < KEPT_FOR_MAPS {
                    let room = KEPT_FOR_MAPS - kept.len();
                    kept.extend_from_slice(&buffer[..n.min(room)]);
                }
                count += n as u64;
            }
        }
    }
    count
}

/// ASCII85 data up to its `~>` end (never longer than the input).
fn decode_ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut group, mut n) = (0u32, 0);
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group = group.wrapping_mul(85).wrapping_add(u32::from(b - b'!'));
                n += 1;
                if n == 5 {
                    out.extend_from_slice(&group.to_be_bytes());
                    (group, n) = (0, 0);
                }
            }
            b if b.is_ascii_whitespace() => {}
            _ => break,
        }
    }
    out
}

/// The codes declared by the `bfrange` and `cidrange` sections in `bytes`: each range
/// `<lo> <hi> …` counts `hi - lo + 1`.
fn unicode_map_codes(bytes: &[u8]) -> u64 {
    let mut total: u64 = 0;
    for section in [&b"bfrange"[..], b"cidrange"] {
        let begin = [&b"begin"[..], section].concat();
        let end = [&b"end"[..], section].concat();
        let mut rest = bytes;
        while let Some(at) = memmem::find(rest, &begin) {
            rest = &rest[at + begin.len()..];
            let stop = memmem::find(rest, &end).unwrap_or(rest.len());
            total = total.saturating_add(range_codes(&rest[..stop]));
            rest = &rest[stop..];
        }
    }
    total
}

/// The sum of `hi - lo + 1` over the ranges of one section: `lo hi target` triples,
/// `lo` and `hi` hex strings, the target a hex string, a number or an array.
fn range_codes(section: &[u8]) -> u64 {
    #[derive(Clone, Copy)]
    enum Token {
        Hex(u64),
        Other,
    }
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < section.len() {
        match section[i] {
            b'<' => {
                let end = memchr::memchr(b'>', &section[i..]).map_or(section.len(), |e| i + e);
                tokens.push(Token::Hex(hex_value(&section[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::Other);
                i = memchr::memchr(b']', &section[i..]).map_or(section.len(), |e| i + e + 1);
            }
            b'0'..=b'9' => {
                tokens.push(Token::Other);
                while i < section.len() && section[i].is_ascii_digit() {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    tokens
        .chunks(3)
        .map(|triple| match triple {
            [Token::Hex(lo), Token::Hex(hi), _] => hi.saturating_sub(*lo).saturating_add(1),
            _ => 0,
        })
        .fold(0u64, u64::saturating_add)
}

fn hex_value(hex: &[u8]) -> u64 {
    hex.iter()
        .filter_map(|&b| (b as char).to_digit(16))
        .fold(0u64, |v, d| v.saturating_mul(16).saturating_add(u64::from(d)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut out = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        out.write_all(data).unwrap();
        out.finish().unwrap()
    }

    fn pdf_with_stream(dict: &str, data: &[u8]) -> Vec<u8> {
        [
            format!("%PDF-1.4\n1 0 obj\n<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes(),
            data,
            b"\nendstream\nendobj\n%%EOF\n",
        ]
        .concat()
    }

    #[test]
    fn counts_what_streams_inflate_to() {
        let bomb = zlib(&vec![b' '; 8 << 20]);
        let lzw_bomb = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(&vec![b' '; 4 << 20])
            .unwrap();
        let cases: Vec<(&str, Vec<u8>, u64, bool)> = vec![
            (
                "small stream",
                pdf_with_stream("/Filter /FlateDecode", &zlib(b"BT (a) Tj ET")),
                1 << 20,
                true,
            ),
            (
                "8 MiB bomb, 4 MiB limit",
                pdf_with_stream("/Filter /FlateDecode", &bomb),
                4 << 20,
                false,
            ),
            (
                "8 MiB bomb, 16 MiB limit",
                pdf_with_stream("/Filter /FlateDecode", &bomb),
                16 << 20,
                true,
            ),
            (
                "an image is not counted",
                pdf_with_stream("/Subtype /Image /Filter /FlateDecode", &bomb),
                1 << 20,
                true,
            ),
            (
                "raw deflate behind a bad header",
                pdf_with_stream("/Filter /FlateDecode", &[b"xx", &bomb[2..]].concat()),
                4 << 20,
                false,
            ),
            (
                "LZW bomb",
                pdf_with_stream("/Filter /LZWDecode", &lzw_bomb),
                1 << 20,
                false,
            ),
            (
                "LZW under the limit",
                pdf_with_stream("/Filter /LZWDecode", &lzw_bomb),
                8 << 20,
                true,
            ),
        ];
        for (name, pdf, limit, ok) in cases {
            assert_eq!(check(&pdf, limit).is_ok(), ok, "{name}");
        }
    }

    #[test]
    fn counts_unicode_map_codes() {
        let cases: &[(&str, u64)] = &[
            ("1 beginbfrange <0000> <FFFFFFFF> <0041> endbfrange", 1 << 32),
            (
                "2 beginbfrange <20> <7E> <0020> <80> <81> [<0041> <0042>] endbfrange",
                97,
            ),
            ("1 begincidrange <0000> <00FF> 1 endcidrange", 256),
            ("1 beginbfchar <01> <0041> endbfchar", 0),
        ];
        for (cmap, want) in cases {
            assert_eq!(unicode_map_codes(cmap.as_bytes()), *want, "{cmap}");
        }
        let hostile = pdf_with_stream(
            "",
            b"/CIDInit begincmap 1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange endcmap",
        );
        assert!(
            check(&hostile, 1 << 20)
                .unwrap_err()
                .to_string()
                .contains("character codes")
        );
        let compressed = pdf_with_stream(
            "/Filter /FlateDecode",
            &zlib(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange"),
        );
        assert!(check(&compressed, 1 << 20).is_err());
    }
}
