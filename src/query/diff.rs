//! A word-level diff of two tasks: what a task kept, dropped and gained from one plan to
//! another (Hải Phòng's "Tháng hành động" task in 2017 and in 2022).
//!
//! The diff is the longest common subsequence of the two texts' words, emitted as runs
//! of equal, deleted and inserted words. Words compare as written (marks and case), so a
//! changed spelling shows as a change.
//!
//! ```
//! use plancite::query::diff::{diff_words, Op};
//! let ops = diff_words("tổ chức hội thảo tại quận", "tổ chức tọa đàm tại quận");
//! assert_eq!(ops[1].op, Op::Delete);
//! assert_eq!(ops[1].text, "hội thảo");
//! assert_eq!(ops[2].text, "tọa đàm");
//! ```

use serde::Serialize;

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
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let mut changes: Vec<Change> = Vec::new();
    let mut push = |op: Op, word: &str| match changes.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(word);
        }
        _ => changes.push(Change {
            op,
            text: word.to_string(),
        }),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(Op::Equal, a[i]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j]) {
            push(Op::Insert, b[j]);
            j += 1;
        } else {
            push(Op::Delete, a[i]);
            i += 1;
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
}
