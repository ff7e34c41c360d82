import './style.css';
import { App } from './app';
import { markScrollables, startAgoTicker } from './dom';
import { Router } from './router';
import { SearchBox } from './search/search-box';
import { siteFooter } from './site-footer';

const main = document.getElementById('main')!;
let router: Router | null = null;
const navigate = (path: string) => (router ? router.navigate(path) : window.location.assign(path));

const box = new SearchBox({ navigate });
document.getElementById('site-search')!.replaceChildren(box.form);
box.bindSlashKey();
document.getElementById('site-footer')!.replaceChildren(siteFooter());

const app = new App(main, { navigate, onQuery: (q) => box.setValue(q) });
router = new Router((route, nav) => void app.show(route, nav));
router.start();
// A rotated phone or a resized window changes which boxes scroll (and need a tab stop).
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => markScrollables(main), 200);
});
// "refreshed 12 s ago" stays true while the page is open.
startAgoTicker(5000);
