//! `jiexi` — the engine on the command line, for batch use and benchmarks.
//!
//! The sub-commands and their output formats are a contract that benchmarks and
//! scripts rely on; see README.md. Three sub-commands do not warrant an argument
//! parsing dependency, so the parsing is by hand.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use jiexi_engine::{input::decode_utf8, script, Analyzer, Error};
use serde::Serialize;

const USAGE: &str = "usage:
  jiexi segment          stdin lines -> tokens separated by spaces, a line per line
  jiexi entities         stdin lines -> {\"line\":N,\"entities\":[...]} JSON, a line per line
  jiexi analyze FILE     one JSON document: tokens and entities with char offsets into FILE";

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
        (Some("analyze"), 2) => analyze(&args[1]),
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
        .map_err(|error| io_error("stdin", error))?;
    decode_utf8("stdin", bytes)
}

fn io_error(source: &str, error: io::Error) -> Error {
    Error::Io {
        source: source.to_string(),
        error,
    }
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
    write().map_err(|e| io_error("stdout", e))
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
    write().map_err(|e| io_error("stdout", e))
}

fn analyze(path: &str) -> Result<(), Error> {
    let bytes = std::fs::read(path).map_err(|error| io_error(path, error))?;
    let text = decode_utf8(path, bytes)?;
    let analysis = Analyzer::new().analyze(&text);
    let mut out = stdout();
    serde_json::to_writer(&mut out, &analysis)
        .map_err(io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(|e| io_error("stdout", e))
}
