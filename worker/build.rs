//! Embeds the bundled documents (`seeds/*.txt`, then `samples/*.txt`, at the repository's
//! root) in the app, so they are there offline without a request, and splits each seed page
//! into its stories here, at build time, with the engine's own parser.
//!
//! Splitting at build time means neither the page nor the worker parses at start, and the
//! page's `.wasm` carries no regex: Leptos switches on every one of regex's Unicode tables in
//! what the page links, which added 290 kB (brotli) to a first visit when the page split
//! the pages itself. The seed files stay untouched in the repo.

use std::fmt::Write as _;
use std::path::Path;

// The engine's story parser, compiled into this build script as it is (it needs no
// dictionary, only regex and serde): one parser for the CLI, the tests and the app.
#[path = "../engine/src/stories/mod.rs"]
#[allow(dead_code)]
mod stories;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=../engine/src/stories");
    let mut files = String::from("&[\n");
    let mut parts = String::from("&[\n");
    let mut n = 0;
    for (dir, kind) in [("../seeds", "seed"), ("../samples", "sample")] {
        println!("cargo:rerun-if-changed={dir}");
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let abs = std::fs::canonicalize(&path).expect("listed file exists");
            let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("doc");
            writeln!(
                files,
                "    BundledFile {{ id: {id:?}, kind: {kind:?}, text: include_str!({abs:?}) }},",
                abs = abs.display()
            )
            .expect("writing to a String cannot fail");
            if kind == "seed" {
                let text = std::fs::read_to_string(&path).expect("a seed page is UTF-8 text");
                for s in stories::split(&text) {
                    writeln!(
                        parts,
                        "    StoryEntry {{ file: {n}, title: {:?}, source: {:?}, date: {:?}, \
                         start: {}, end: {}, title_start: {}, title_end: {} }},",
                        s.title,
                        s.source.unwrap_or_default(),
                        s.date.unwrap_or_default(),
                        s.start,
                        s.end,
                        s.title_start,
                        s.title_end,
                    )
                    .expect("writing to a String cannot fail");
                }
            }
            n += 1;
        }
    }
    files.push(']');
    parts.push(']');
    let out = Path::new(&out);
    std::fs::write(out.join("bundled_files.rs"), files).expect("OUT_DIR is writable");
    std::fs::write(out.join("bundled_stories.rs"), parts).expect("OUT_DIR is writable");
}
