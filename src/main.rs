//! Mounts the app; everything else lives in the library so browser tests can mount it.

fn main() {
    console_error_panic_hook::set_once();
    jiexi::app::remove_boot_shell();
    leptos::mount::mount_to_body(jiexi::app::App);
}
