//! Panics inside a library that reads one file (a PDF font parser, say) cost that file
//! only: the pipeline catches them and reports one reason line. The panic message itself
//! — a source path and line of the library — is for developers: [`quietly`] keeps it off
//! the terminal, and [`install_hook`] prints it only when the user asked for `--verbose`.
//! A panic anywhere else is a bug and is printed as usual.

use std::cell::Cell;
use std::panic::{self, UnwindSafe};

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work`, catching a panic in it; its message is printed only under `--verbose`.
pub fn quietly<R>(work: impl FnOnce() -> R + UnwindSafe) -> std::thread::Result<R> {
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(work);
    QUIET.with(|q| q.set(was));
    result
}

/// Installs the hook that keeps quiet about panics caught by [`quietly`] (unless
/// `verbose`), and prints every other panic as the default hook does.
pub fn install_hook(verbose: bool) {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if verbose || !QUIET.with(Cell::get) {
            default(info);
        }
    }));
}
