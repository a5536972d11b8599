//! Embeds the bundled documents (`seeds/*.txt`, then `samples/*.txt`, at the repository's
//! root) in the app, so they are there offline without a request. The seed files stay
//! untouched in the repo.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::from("&[\n");
    for (dir, kind) in [("../seeds", "seed"), ("../samples", "sample")] {
        println!("cargo:rerun-if-changed={dir}");
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            let abs = std::fs::canonicalize(&path).expect("listed file exists");
            let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("doc");
            writeln!(
                code,
                "    BundledFile {{ id: {id:?}, kind: {kind:?}, text: include_str!({abs:?}) }},",
                abs = abs.display()
            )
            .expect("writing to a String cannot fail");
        }
    }
    code.push(']');
    std::fs::write(Path::new(&out).join("bundled_docs.rs"), code).expect("OUT_DIR is writable");
}
