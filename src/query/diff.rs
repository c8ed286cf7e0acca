//! A word-level diff of two tasks: what a task kept, dropped and gained from one plan to
//! another (Hải Phòng's "Tháng hành động" task in 2017 and in 2022).
//!
//! The diff keeps a longest common subsequence of the two texts' words (Hunt–Szymanski
//! from the `similar` crate: time O((n + r) log n) for r pairs of equal words, memory
//! O(n + m + r); past a million pairs, as in a text of one repeated word, it hands over
//! to Myers' exact search, memory linear in the words), emitted as runs of equal,
//! deleted and inserted words. Words compare as written (marks and case), so a changed
//! spelling shows as a change. Where several alignments keep as many words (a word
//! repeated), which occurrence is kept is the crate's choice; the similarity and the
//! counts of kept, dropped and added words are those of any longest common subsequence.
//!
//! ```
//! use plancite::query::diff::{diff_words, Op};
//! let ops = diff_words("tổ chức hội thảo tại quận", "tổ chức tọa đàm tại quận");
//! assert_eq!(ops[1].op, Op::Delete);
//! assert_eq!(ops[1].text, "hội thảo");
//! assert_eq!(ops[2].text, "tọa đàm");
//! ```

use serde::Serialize;
use similar::DiffTag;
use similar::algorithms::{Capture, Replace, hunt};

use crate::error::Result;
use crate::index::{Index, TaskRecord, reader};

/// Longest texts compared word by word; longer ones are compared on their first words.
const MAX_WORDS: usize = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of words with the same fate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub op: Op,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskDiff {
    pub a: TaskRecord,
    pub b: TaskRecord,
    /// Share of words kept, from 0 to 1 (2 × common words / all words).
    pub similarity: f64,
    pub changes: Vec<Change>,
}

/// Diffs two tasks by id (`PLAN~II.2`).
pub fn diff_tasks(index: &Index, a: &str, b: &str) -> Result<TaskDiff> {
    let (task_a, text_a) = reader::find_task(index, a)?;
    let (task_b, text_b) = reader::find_task(index, b)?;
    let changes = diff_words(&text_a, &text_b);
    let words = |op: Op| -> usize {
        changes
            .iter()
            .filter(|c| c.op == op)
            .map(|c| c.text.split_whitespace().count())
            .sum()
    };
    let (kept, dropped, added) = (words(Op::Equal), words(Op::Delete), words(Op::Insert));
    let total = 2 * kept + dropped + added;
    Ok(TaskDiff {
        a: task_a,
        b: task_b,
        similarity: if total == 0 {
            1.0
        } else {
            2.0 * kept as f64 / total as f64
        },
        changes,
    })
}

/// The word diff of two texts.
pub fn diff_words(a: &str, b: &str) -> Vec<Change> {
    let a: Vec<&str> = a.split_whitespace().take(MAX_WORDS).collect();
    let b: Vec<&str> = b.split_whitespace().take(MAX_WORDS).collect();
    let mut changes: Vec<Change> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        match changes.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&words.join(" "));
            }
            _ => changes.push(Change {
                op,
                text: words.join(" "),
            }),
        }
    };
    // The raw search (no deadline, no shortcut): the default one may settle for a
    // longer script on hard inputs, and a deadline would make the output depend on time.
    let mut hook = Replace::new(Capture::new());
    let Ok(()) = hunt::diff_deadline_raw(&mut hook, &a, 0..a.len(), &b, 0..b.len(), None);
    for step in hook.into_inner().into_ops() {
        let (tag, old, new) = step.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(Op::Equal, &a[old]),
            DiffTag::Delete => push(Op::Delete, &a[old]),
            DiffTag::Insert => push(Op::Insert, &b[new]),
            DiffTag::Replace => {
                push(Op::Delete, &a[old]);
                push(Op::Insert, &b[new]);
            }
        }
    }
    // Deletions read better before the insertions that replace them.
    for k in 1..changes.len() {
        if changes[k].op == Op::Delete && changes[k - 1].op == Op::Insert {
            changes.swap(k, k - 1);
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(a: &str, b: &str) -> Vec<(Op, String)> {
        diff_words(a, b).into_iter().map(|c| (c.op, c.text)).collect()
    }

    #[test]
    fn word_diffs() {
        use Op::*;
        type Row = (&'static str, &'static str, &'static [(Op, &'static str)]);
        let cases: &[Row] = &[
            ("a b c", "a b c", &[(Equal, "a b c")]),
            (
                "a b c",
                "a x c",
                &[(Equal, "a"), (Delete, "b"), (Insert, "x"), (Equal, "c")],
            ),
            ("", "a b", &[(Insert, "a b")]),
            ("a b", "", &[(Delete, "a b")]),
            (
                "năm 2017 tổ chức",
                "năm 2022 tổ chức",
                &[
                    (Equal, "năm"),
                    (Delete, "2017"),
                    (Insert, "2022"),
                    (Equal, "tổ chức"),
                ],
            ),
        ];
        for (a, b, want) in cases {
            let want: Vec<(Op, String)> = want.iter().map(|(o, t)| (*o, t.to_string())).collect();
            assert_eq!(ops(a, b), want, "{a:?} → {b:?}");
        }
    }

    /// At the word cap the diff is still exact: every word not replaced is kept.
    #[test]
    fn texts_at_the_word_cap() {
        let a: Vec<String> = (0..MAX_WORDS + 100).map(|i| format!("w{i}")).collect();
        let b: Vec<String> = a
            .iter()
            .enumerate()
            .map(|(i, w)| if i % 10 == 0 { format!("x{i}") } else { w.clone() })
            .collect();
        let changes = diff_words(&a.join(" "), &b.join(" "));
        let count = |op: Op| -> usize {
            changes
                .iter()
                .filter(|c| c.op == op)
                .map(|c| c.text.split(' ').count())
                .sum()
        };
        assert_eq!(count(Op::Equal), MAX_WORDS / 10 * 9);
        assert_eq!(
            (count(Op::Delete), count(Op::Insert)),
            (MAX_WORDS / 10, MAX_WORDS / 10)
        );
        assert!(changes.iter().all(|c| !c.text.contains("w5000")));

        // One word repeated: too many equal pairs for Hunt, still exact.
        let a = format!("x{}", " a".repeat(MAX_WORDS - 1));
        let b = format!("{} y", "a ".repeat(MAX_WORDS - 1).trim_end());
        let changes = diff_words(&a, &b);
        let ops: Vec<(Op, usize)> = changes
            .iter()
            .map(|c| (c.op, c.text.split(' ').count()))
            .collect();
        assert_eq!(
            ops,
            [(Op::Delete, 1), (Op::Equal, MAX_WORDS - 1), (Op::Insert, 1)]
        );
    }
}
