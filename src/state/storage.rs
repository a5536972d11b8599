//! What jiexi keeps on the device, in IndexedDB: one object store of JSON documents by
//! key. Written by hand over web-sys (a few promise wrappers) rather than with a crate:
//! it needs only get, put, delete and a prefix scan, and every failure must come back as
//! a message the page can show (private mode, quota, a blocked upgrade), never a panic.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DB_NAME: &str = "jiexi";
const DB_VERSION: u32 = 1;
const STORE: &str = "documents";

/// Why something could not be kept.
fn error(what: &str, e: JsValue) -> String {
    let detail = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.dyn_ref::<web_sys::DomException>().map(|d| d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default();
    format!("{what}: {detail}")
}

/// Resolves when `request` succeeds (with its result) or rejects with its error.
fn settle(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let result = ok.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let e = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("request failed"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// Opens (creating on first use) jiexi's database.
async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(|e| error("storage unavailable", e))?
        .ok_or("storage unavailable in this browser mode")?;
    let request = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| error("storage unavailable", e))?;
    let upgrade = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(result) = upgrade.result() {
            let db: IdbDatabase = result.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                // Failing here fails the open request, which reports it.
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = JsFuture::from(settle(&request))
        .await
        .map_err(|e| error("storage unavailable", e))?;
    Ok(db.unchecked_into())
}

/// Runs one read request on the store (`ask` issues it) and resolves to its result.
async fn read(
    ask: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, String> {
    let failed = |e| error("cannot read", e);
    let db = open().await?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .map_err(failed)?;
    let request = ask(&store).map_err(failed)?;
    let value = JsFuture::from(settle(&request)).await.map_err(failed)?;
    db.close();
    Ok(value)
}

/// Runs the writes `change` issues in one read-write transaction and resolves once it
/// has committed. IndexedDB writes are atomic per transaction: a failure (quota, a closed
/// tab) leaves every previous value as it was. `what` names the failure ("cannot save").
async fn write(
    what: &'static str,
    change: impl FnOnce(&IdbObjectStore) -> Result<(), JsValue>,
) -> Result<(), String> {
    let failed = |e| error(what, e);
    let (db, store, done) = begin_write(what).await?;
    change(&store).map_err(failed)?;
    JsFuture::from(done).await.map_err(failed)?;
    db.close();
    Ok(())
}

/// Opens a read-write transaction on the store: the database (to close when done), the
/// store, and a promise of the commit (see [`committed`]).
async fn begin_write(what: &str) -> Result<(IdbDatabase, IdbObjectStore, Promise), String> {
    let failed = |e| error(what, e);
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(failed)?;
    let store = tx.object_store(STORE).map_err(failed)?;
    let done = committed(&tx);
    Ok((db, store, done))
}

/// The JSON document stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    let key = JsValue::from_str(key);
    Ok(read(|store| store.get(&key)).await?.as_string())
}

/// Every JSON document whose key starts with `prefix`, in key order.
pub async fn get_prefixed(prefix: &str) -> Result<Vec<String>, String> {
    // Keys are strings: every key with the prefix sorts between it and prefix + U+FFFF.
    let range = web_sys::IdbKeyRange::bound(
        &JsValue::from_str(prefix),
        &JsValue::from_str(&format!("{prefix}\u{ffff}")),
    )
    .map_err(|e| error("cannot read", e))?;
    let values = read(|store| store.get_all_with_key(&range)).await?;
    Ok(js_sys::Array::from(&values)
        .iter()
        .filter_map(|v| v.as_string())
        .collect())
}

/// Deletes what is stored under `key` (nothing if there is nothing).
pub async fn delete(key: &str) -> Result<(), String> {
    let key = JsValue::from_str(key);
    write("cannot delete", |store| store.delete(&key).map(drop)).await
}

/// Stores `json` under `key`.
pub async fn put(key: &str, json: &str) -> Result<(), String> {
    put_many(&[(key.to_string(), json.to_string())]).await
}

/// Stores every (key, JSON) in one transaction: all of them, or (on failure) none.
pub async fn put_many(entries: &[(String, String)]) -> Result<(), String> {
    write("cannot save", |store| {
        for (key, json) in entries {
            store.put_with_key(&JsValue::from_str(json), &JsValue::from_str(key))?;
        }
        Ok(())
    })
    .await
}

/// Reads the JSON under `key` and stores what `change` makes of it, in one read-write
/// transaction, and resolves (once committed) to `change`'s verdict. No other tab's write
/// can come between the read and the write, so a change is made to what is stored now,
/// not to what this tab read a while ago (two tabs would otherwise each overwrite the
/// other's edits). `change` returns the JSON to store (`None`: store nothing) and a
/// verdict; it runs synchronously in the read's success handler, the one place where
/// the transaction is sure to be still active.
pub async fn update<T: 'static>(
    key: &str,
    change: impl FnOnce(Option<String>) -> (Option<String>, T) + 'static,
) -> Result<T, String> {
    let failed = |e| error("cannot save", e);
    let (db, store, done) = begin_write("cannot save").await?;
    let key = JsValue::from_str(key);
    let read = store.get(&key).map_err(failed)?;
    let verdict = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = verdict.clone();
    let request = read.clone();
    let on_read = Closure::once_into_js(move |_: web_sys::Event| {
        let stored = request.result().ok().and_then(|v| v.as_string());
        let (json, v) = change(stored);
        let written = match json {
            Some(json) => store
                .put_with_key(&JsValue::from_str(&json), &key)
                .map(drop),
            None => Ok(()),
        };
        if let Err(e) = &written {
            // Nothing of this transaction is kept; the put's reason (e.g. the quota) is
            // the one reported.
            let _ = request.transaction().map(|tx| tx.abort());
            out.set(Some(Err(e.clone())));
        } else {
            out.set(Some(Ok(v)));
        }
    });
    read.set_onsuccess(Some(on_read.unchecked_ref()));
    let committed = JsFuture::from(done).await;
    db.close();
    match (verdict.take(), committed) {
        (Some(Err(e)), _) | (_, Err(e)) => Err(failed(e)),
        (Some(Ok(v)), Ok(_)) => Ok(v),
        (None, Ok(_)) => Err("cannot save: the stored version could not be read".to_string()),
    }
}

/// Resolves when `tx` has committed (the write is on disk), rejects if it failed or was
/// aborted (e.g. over quota).
fn committed(tx: &web_sys::IdbTransaction) -> Promise {
    let tx = tx.clone();
    Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let fail = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            let e = failed
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("the save was aborted"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(fail.as_ref().unchecked_ref()));
        tx.set_onabort(Some(fail.as_ref().unchecked_ref()));
        // Called at most twice (error, then abort) and then the transaction is gone.
        fail.forget();
    })
}
