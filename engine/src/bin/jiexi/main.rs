//! `jiexi` — the engine on the command line, for batch use and benchmarks.
//!
//! The sub-commands and their output formats are a contract that benchmarks and
//! scripts rely on; see README.md. Three sub-commands do not warrant an argument
//! parsing dependency, so the parsing is by hand.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

mod error;
mod input;

use error::Error;
use input::decode_utf8;
use jiexi_engine::{keywords, script, stories, Analysis, Analyzer, CalendarDate};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

const USAGE: &str = "usage:
  jiexi segment              stdin lines -> tokens separated by spaces, a line per line
  jiexi entities             stdin lines -> {\"line\":N,\"entities\":[...]} JSON, a line per line
  jiexi analyze FILE         one JSON document: tokens and entities with char offsets into FILE
  jiexi analyze FILE FILE…   JSON Lines, one document per file (with \"file\"), on every core
  jiexi analyze --date YYYY-MM-DD FILE…
                             the same, for articles of that date: relative dates (昨日, 上周五)
                             get values (DATE, MONEY and PERCENT entities carry \"value\")
  jiexi analyze --jsonl      stdin JSON Lines {\"id\":…,\"text\":…,\"date\":…} -> JSON Lines with
                             \"id\", on every core (\"date\", YYYY-MM-DD, is optional)
  jiexi keywords FILE…       per file: TextRank keywords and TF-IDF against the files given
  jiexi stories FILE         a newspaper page's stories: a JSON array of {title, dateline, byline, source, date, start, end, …}";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`jiexi segment | head`) is not an error worth reporting.
        Err(Error::Io { error, .. }) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("jiexi: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), Error> {
    let command = args.first().map(String::as_str);
    match (command, args.len()) {
        (Some("segment"), 1) => segment(&read_stdin()?),
        (Some("entities"), 1) => entities(&read_stdin()?),
        (Some("analyze"), 2) if args[1] == "--jsonl" => analyze_jsonl(),
        (Some("analyze"), n) if n > 3 && args[1] == "--date" => {
            let date = article_date(&args[2], "--date")?;
            analyze_paths(&args[3..], Some(date))
        }
        (Some("analyze"), n) if n > 1 && args[1] != "--date" => analyze_paths(&args[1..], None),
        (Some("keywords"), n) if n > 1 => keywords(&args[1..]),
        (Some("stories"), 2) => stories(&args[1]),
        (Some("-h" | "--help" | "help"), _) => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(Error::Usage(USAGE.to_string())),
    }
}

fn read_stdin() -> Result<String, Error> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|error| Error::io("stdin", error))?;
    decode_utf8("stdin", bytes)
}

fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// The script is detected once for the whole input: a line alone is often too short to tell.
fn segment(text: &str) -> Result<(), Error> {
    let analyzer = Analyzer::new();
    let script = script::detect(text);
    let mut out = stdout();
    let mut write = || -> io::Result<()> {
        for line in text.lines() {
            let mut first = true;
            for token in analyzer.segment_as(line, script) {
                if !first {
                    out.write_all(b" ")?;
                }
                out.write_all(token.text.as_bytes())?;
                first = false;
            }
            out.write_all(b"\n")?;
        }
        out.flush()
    };
    write().map_err(|e| Error::io("stdout", e))
}

#[derive(Serialize)]
struct LineEntities<'a> {
    line: usize,
    entities: &'a [jiexi_engine::Entity],
}

fn entities(text: &str) -> Result<(), Error> {
    let analyzer = Analyzer::new();
    let script = script::detect(text);
    let mut out = stdout();
    let mut write = || -> io::Result<()> {
        for (line, content) in text.lines().enumerate() {
            let analysis = analyzer.analyze_as(content, script);
            let record = LineEntities {
                line,
                entities: &analysis.entities,
            };
            serde_json::to_writer(&mut out, &record)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    };
    write().map_err(|e| Error::io("stdout", e))
}

/// The stories of a page, with char offsets into the file.
fn stories(path: &str) -> Result<(), Error> {
    let bytes = std::fs::read(path).map_err(|error| Error::io(path, error))?;
    let text = decode_utf8(path, bytes)?;
    let mut out = stdout();
    write_json_line(&mut out, &stories::split(&text))?;
    out.flush().map_err(|e| Error::io("stdout", e))
}

/// An article's date as given on the command line or in an input line (`source` says
/// which), or why not.
fn article_date(text: &str, source: &str) -> Result<CalendarDate, Error> {
    CalendarDate::parse(text).ok_or_else(|| {
        Error::Usage(format!(
            "{source}: {text:?} is not a date; write it YYYY-MM-DD (2024-12-17)"
        ))
    })
}

/// One file: one JSON document; several: JSON Lines.
fn analyze_paths(paths: &[String], date: Option<CalendarDate>) -> Result<(), Error> {
    match paths {
        [path] => analyze(path, date),
        _ => analyze_files(paths, date),
    }
}

fn analyze(path: &str, date: Option<CalendarDate>) -> Result<(), Error> {
    let bytes = std::fs::read(path).map_err(|error| Error::io(path, error))?;
    let text = decode_utf8(path, bytes)?;
    let analysis = Analyzer::new().analyze_dated(&text, date);
    let mut out = stdout();
    serde_json::to_writer(&mut out, &analysis)
        .map_err(io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("stdout", e))
}

/// Documents analysed in parallel per batch: bounds memory on archives of any size while
/// keeping every core busy and the output in input order.
const BATCH: usize = 256;

#[derive(Serialize)]
struct FileAnalysis<'a> {
    file: &'a str,
    #[serde(flatten)]
    analysis: Analysis,
}

fn analyze_files(paths: &[String], date: Option<CalendarDate>) -> Result<(), Error> {
    let analyzer = Analyzer::new();
    let mut out = stdout();
    for batch in paths.chunks(BATCH) {
        let results: Vec<Result<Analysis, Error>> = batch
            .par_iter()
            .map(|path| {
                let bytes = std::fs::read(path).map_err(|error| Error::io(path, error))?;
                Ok(analyzer.analyze_dated(&decode_utf8(path, bytes)?, date))
            })
            .collect();
        for (path, result) in batch.iter().zip(results) {
            let record = FileAnalysis {
                file: path,
                analysis: result?,
            };
            write_json_line(&mut out, &record)?;
        }
    }
    out.flush().map_err(|e| Error::io("stdout", e))
}

#[derive(Deserialize)]
struct Article {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    /// The article's date, `YYYY-MM-DD`.
    #[serde(default)]
    date: Option<String>,
}

#[derive(Serialize)]
struct ArticleAnalysis {
    id: serde_json::Value,
    #[serde(flatten)]
    analysis: Analysis,
}

fn analyze_jsonl() -> Result<(), Error> {
    let input = read_stdin()?;
    let analyzer = Analyzer::new();
    let lines: Vec<(usize, &str)> = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let mut out = stdout();
    for batch in lines.chunks(BATCH) {
        let results: Vec<Result<ArticleAnalysis, Error>> = batch
            .par_iter()
            .map(|&(n, line)| {
                let article: Article = serde_json::from_str(line).map_err(|e| {
                    Error::Usage(format!(
                        "stdin line {}: not an article {{\"id\",\"text\"}}: {e}",
                        n + 1
                    ))
                })?;
                let date = match &article.date {
                    Some(d) => Some(article_date(d, &format!("stdin line {}", n + 1))?),
                    None => None,
                };
                Ok(ArticleAnalysis {
                    id: article.id,
                    analysis: analyzer.analyze_dated(&article.text, date),
                })
            })
            .collect();
        for result in results {
            write_json_line(&mut out, &result?)?;
        }
    }
    out.flush().map_err(|e| Error::io("stdout", e))
}

fn write_json_line(out: &mut impl Write, record: &impl Serialize) -> Result<(), Error> {
    serde_json::to_writer(&mut *out, record)
        .map_err(io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .map_err(|e| Error::io("stdout", e))
}

#[derive(Serialize)]
struct FileKeywords<'a> {
    file: &'a str,
    textrank: Vec<keywords::Keyword>,
    tfidf: Vec<keywords::Keyword>,
}

/// Keywords of each file; the files themselves are the corpus for TF-IDF.
fn keywords(paths: &[String]) -> Result<(), Error> {
    const TOP: usize = 10;
    let analyzer = Analyzer::new();
    let tokens: Vec<Vec<jiexi_engine::Token>> = paths
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|error| Error::io(path, error))?;
            let analysis = analyzer.analyze(&decode_utf8(path, bytes)?);
            Ok(keywords::terms(&analysis.tokens, &analysis.entities))
        })
        .collect::<Result<_, Error>>()?;
    let mut corpus = keywords::DocFrequencies::default();
    for t in &tokens {
        corpus.add(t);
    }
    let mut out = stdout();
    for (path, t) in paths.iter().zip(&tokens) {
        let (tfidf, textrank) = keywords::tfidf_and_textrank(t, &corpus, TOP);
        let record = FileKeywords {
            file: path,
            textrank,
            tfidf,
        };
        write_json_line(&mut out, &record)?;
    }
    out.flush().map_err(|e| Error::io("stdout", e))
}
