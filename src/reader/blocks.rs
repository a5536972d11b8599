//! How the reader cuts a text into blocks and mounts them a frame at a time: pure
//! functions over token ranges, tested natively.

use crate::state::client::Shown;

/// A block of the reader holds whole paragraphs, at least this many tokens of them
/// (or one very long paragraph cut here). Blocks off screen are neither laid out nor
/// painted (`content-visibility: auto`): laying out every token of a 10,000-char
/// article took most of the time from paste to highlights.
const BLOCK_TOKENS: usize = 400;

const MAX_BLOCK_TOKENS: usize = 4000;

/// Tokens mounted per animation frame after the first: a frame of this many stays under
/// the 100 ms a task may take before the page feels frozen (~50 ms measured); a
/// 10,000-char article is two frames.
pub const FRAME_TOKENS: usize = 6_000;

/// Token ranges of the reader's blocks: cut before a token that starts a paragraph, or
/// inside a very long paragraph, but never inside an entity (its tokens share a `<mark>`).
pub fn slices(shown: &Shown) -> Vec<(usize, usize)> {
    let tokens = &shown.analysis.tokens;
    let entities = &shown.analysis.entities;
    let mut out = Vec::new();
    let mut from = 0;
    let mut e = 0;
    // Walks the text once: char offset `at` is at byte `byte`.
    let mut chars = shown.text.chars();
    let mut at = 0;
    let mut line_break_in = |gap_start: usize, gap_end: usize| -> bool {
        let mut found = false;
        while at < gap_end {
            let Some(c) = chars.next() else { break };
            found |= at >= gap_start && c == '\n';
            at += 1;
        }
        found
    };
    for (i, pair) in tokens.windows(2).enumerate() {
        let (prev, token) = (&pair[0], &pair[1]);
        let i = i + 1; // the index of `token`
        while e < entities.len() && entities[e].end <= token.start {
            e += 1;
        }
        let inside = entities.get(e).is_some_and(|x| x.start < token.start);
        let paragraph = line_break_in(prev.end, token.start);
        let long = i - from >= BLOCK_TOKENS;
        if !inside && ((long && paragraph) || i - from >= MAX_BLOCK_TOKENS) {
            out.push((from, i));
            from = i;
        }
    }
    if from < tokens.len() {
        out.push((from, tokens.len()));
    }
    out
}

/// Tokens in the first frame of a new text: more than a tall screen shows (~1,500 chars),
/// so what is on screen is highlighted in that frame, and the rest follows a frame
/// later. `content-visibility: auto` does not spare the first frame: Chromium lays out
/// every block inserted before it knows which are off screen (a 10,000-char text, 30 ms).
pub const FIRST_FRAME_TOKENS: usize = 1_200;

/// How many blocks to mount first: a screenful ([`FIRST_FRAME_TOKENS`]) of a new text; as
/// much as a frame takes ([`FRAME_TOKENS`]) when the same text is drawn again (a view
/// switched, an entity merged), so what the reader was showing, wherever it was scrolled,
/// is not taken away for a frame.
pub fn first_batch(ranges: &[(usize, usize)], same_text: bool) -> usize {
    let budget = if same_text {
        FRAME_TOKENS
    } else {
        FIRST_FRAME_TOKENS
    };
    batch(ranges, 0, budget)
}

/// How many blocks to mount when `from` are mounted: up to [`FRAME_TOKENS`] more tokens,
/// at least one block.
pub fn next_batch(ranges: &[(usize, usize)], from: usize) -> usize {
    batch(ranges, from, FRAME_TOKENS)
}

fn batch(ranges: &[(usize, usize)], from: usize, budget: usize) -> usize {
    let mut to = from;
    let mut tokens = 0;
    while to < ranges.len() && (to == from || tokens + ranges[to].1 - ranges[to].0 <= budget) {
        tokens += ranges[to].1 - ranges[to].0;
        to += 1;
    }
    to
}

/// Tokens in the first `mounted` blocks.
pub fn mounted_tokens(ranges: &[(usize, usize)], mounted: usize) -> usize {
    mounted
        .checked_sub(1)
        .and_then(|last| ranges.get(last))
        .map_or(0, |r| r.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiexi_engine::Analyzer;

    fn shown(text: &str) -> Shown {
        Shown::local(text, Analyzer::new().analyze(text))
    }

    #[test]
    fn blocks_cover_every_token_and_never_split_an_entity() {
        let paragraph =
            "記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港兩地合作將進一步加快。\n";
        let s = shown(&paragraph.repeat(120));
        let blocks = slices(&s);
        assert!(blocks.len() > 1, "a long text is cut into blocks");
        assert_eq!(blocks.first().map(|b| b.0), Some(0));
        assert_eq!(blocks.last().map(|b| b.1), Some(s.analysis.tokens.len()));
        for pair in blocks.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "blocks are contiguous");
            let start = s.analysis.tokens[pair[1].0].start;
            assert!(
                !s.analysis
                    .entities
                    .iter()
                    .any(|e| e.start < start && start < e.end),
                "no cut inside an entity"
            );
            // Cut at a paragraph: the text before the block's first token ends a line.
            let before: String = s.text.chars().take(start).collect();
            assert!(before.ends_with('\n'), "cut at a paragraph break");
        }
        assert!(slices(&shown("")).is_empty());
    }

    #[test]
    fn a_screenful_mounts_first_and_an_article_in_two_frames() {
        // (blocks' token counts, batches expected)
        let cases: [(&[usize], &[usize]); 4] = [
            (&[400, 400, 400, 400, 400, 400], &[3, 6]),
            (&[5000, 400], &[1, 2]), // one long first block still mounts alone
            (&[300], &[1]),
            (&[400; 40], &[3, 18, 33, 40]),
        ];
        for (sizes, want) in cases {
            let mut ranges = Vec::new();
            let mut at = 0;
            for n in sizes {
                ranges.push((at, at + n));
                at += n;
            }
            assert_eq!(
                first_batch(&ranges, true),
                next_batch(&ranges, 0),
                "{sizes:?}"
            );
            let mut batches = vec![first_batch(&ranges, false)];
            while *batches.last().unwrap() < ranges.len() {
                batches.push(next_batch(&ranges, *batches.last().unwrap()));
            }
            assert_eq!(batches, want, "{sizes:?}");
        }
    }
}
