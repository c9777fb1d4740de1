// npm's `prepare` hook: builds dist/ after `npm ci` / `npm install` in a clone. `npm pack` and
// `npm publish` run it too, after `prepack`, whose production build is what ships: keep that one.
if (!['pack', 'publish'].includes(process.env.npm_command)) await import('./build.mjs');
