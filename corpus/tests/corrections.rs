//! The user's corrections, applied on top of the engine's analysis, keep the promises
//! every analysis keeps (`Analysis::check`), whatever they mark and wherever it is.

use jiexi_corpus::corrections::{Correction, UserDictionary};
use jiexi_engine::{Analyzer, EntityType};
use proptest::prelude::*;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::new)
}

proptest! {
    /// The user's corrections keep every invariant, whatever they mark, wherever it is.
    #[test]
    fn corrections_keep_the_invariants(
        text in "[深圳香港羅柳斌科技大學局區的了在 \n，。]{0,60}",
        picks in proptest::collection::vec((0usize..60, 1usize..6, 0usize..4), 0..6),
    ) {
        let chars: Vec<char> = text.chars().collect();
        let mut dict = UserDictionary::default();
        for (at, len, kind) in picks {
            if at + len > chars.len() {
                continue;
            }
            let piece: String = chars[at..at + len].iter().collect();
            let types = [EntityType::Person, EntityType::Org, EntityType::Gpe];
            let c = match kind {
                0 => Correction::Word { text: piece, pos: "n".into() },
                1 => Correction::NotEntity { text: piece, entity_type: types[len % 3] },
                _ => Correction::Entity { text: piece, entity_type: types[len % 3] },
            };
            let _ = dict.add(c);
        }
        let mut analysis = analyzer().analyze(&text);
        dict.apply(&text, &mut analysis);
        prop_assert_eq!(analysis.check(&text), Ok(()));
        for e in &analysis.entities {
            prop_assert!(analysis.tokens.iter().any(|t| t.start == e.start));
            prop_assert!(analysis.tokens.iter().any(|t| t.end == e.end));
        }
    }
}
