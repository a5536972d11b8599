//! Mounts the app; everything else lives in the library so browser tests can mount it.

fn main() {
    jiexi::shell::crash::install();
    jiexi::shell::app::remove_boot_shell();
    leptos::mount::mount_to_body(jiexi::shell::app::App);
}
