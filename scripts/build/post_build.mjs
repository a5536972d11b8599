// trunk post_build hook: the two steps in their order (see Trunk.toml).
await import('./csp.mjs');
await import('./precache.mjs');
