//! Mounts the app; everything else lives in the library so browser tests can mount it.

fn main() {
    jiexi::crash::install();
    jiexi::app::remove_boot_shell();
    leptos::mount::mount_to_body(jiexi::app::App);
}
