import './style.css';
import { App } from './app';
import { startAgoTicker } from './dom';
import { Router } from './router';

const main = document.getElementById('main')!;
const app = new App(main);
new Router((route) => void app.show(route)).start();
// "refreshed 12 s ago" stays true while the page is open.
startAgoTicker(5000);
