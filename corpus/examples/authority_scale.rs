//! How long the corpus views take to follow an authority file change: a library file is
//! indexed once, then a merge of its two most mentioned organisations is applied and the
//! entity index recounted, as the worker does for `SetAuthority`; then undone.
//!
//!   node scripts/data/gen_library.mjs 1000 /tmp/library-1000.json
//!   cargo run --release -p jiexi-corpus --example authority_scale -- /tmp/library-1000.json

use std::time::Instant;

use jiexi_corpus::authority::{Authority, Op};
use jiexi_corpus::index::CorpusIndex;
use jiexi_corpus::library::Library;
use jiexi_engine::{Analyzer, EntityType};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: authority_scale LIBRARY.json")?;
    let library = Library::from_json(&std::fs::read_to_string(path)?)?;
    let docs: Vec<(String, String)> = (library.documents.into_iter())
        .map(|d| (d.id, d.text))
        .collect();
    let analyzer = Analyzer::new();
    let mut index = CorpusIndex::default();
    let started = Instant::now();
    index.update(&analyzer, &docs);
    let rows = index.entities();
    println!(
        "indexed {} documents, {} entities, {} mentions in {:.0} ms",
        index.len(),
        rows.len(),
        rows.iter().map(|r| r.count).sum::<usize>(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let orgs: Vec<_> = rows
        .iter()
        .filter(|r| r.kind == EntityType::Org)
        .take(2)
        .collect();
    let [a, b] = orgs[..] else {
        return Err("the library has fewer than two organisations".into());
    };
    let mut authority = Authority::default();
    let undo = authority.change(&Op::Merge {
        keys: vec![(a.kind, a.key.clone()), (b.kind, b.key.clone())],
        name: a.text.clone(),
        kind: EntityType::Org,
    })?;
    let merged = authority.clone();
    authority.change(&undo)?;
    println!(
        "merging {:?} ({}) and {:?} ({})",
        a.text, a.count, b.text, b.count
    );
    let mut times = Vec::new();
    for round in 0..20 {
        let file = if round % 2 == 0 {
            merged.clone()
        } else {
            authority.clone()
        };
        let started = Instant::now();
        index.set_authority(file);
        let rows = index.entities();
        times.push(started.elapsed().as_secs_f64() * 1e3);
        if round % 2 == 0 {
            assert_eq!(
                rows.iter().find(|r| r.key == a.key).map(|r| r.count),
                Some(a.count + b.count)
            );
        }
    }
    let mut recount = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        std::hint::black_box(index.entities());
        recount.push(started.elapsed().as_secs_f64() * 1e3);
    }
    recount.sort_by(f64::total_cmp);
    println!(
        "of which the recount alone: median {:.1} ms",
        recount[recount.len() / 2]
    );
    times.sort_by(f64::total_cmp);
    println!(
        "apply the authority file and recount the entity index: median {:.1} ms, max {:.1} ms (20 runs, merge and undo alternating)",
        times[times.len() / 2],
        times[times.len() - 1]
    );
    Ok(())
}
