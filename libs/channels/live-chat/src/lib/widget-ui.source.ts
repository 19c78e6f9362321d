/**
 * The widget's styles: scoped to its shadow root. `--fgw-accent` is the connection's colour.
 */
export const WIDGET_STYLES = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.bubble { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: 0;
  background: var(--fgw-accent); color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 2147483646;
  display: flex; align-items: center; justify-content: center; }
.bubble:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #111; outline-offset: 2px; }
.panel { position: fixed; right: 20px; bottom: 88px; width: 360px; max-width: calc(100vw - 40px); height: 520px; max-height: calc(100vh - 110px);
  background: #fff; color: #1f2328; border-radius: 14px; box-shadow: 0 10px 40px rgba(0,0,0,.3); display: flex; flex-direction: column;
  overflow: hidden; z-index: 2147483647; font-size: 14px; }
[hidden] { display: none !important; }
.page .panel { inset: 0; width: auto; height: auto; max-width: none; max-height: none; border-radius: 0; }
.page .bubble { display: none; }
header { background: var(--fgw-accent); color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
header h2 { font-size: 16px; margin: 0; flex: 1; font-weight: 600; }
header button { background: transparent; border: 0; color: #fff; font-size: 22px; line-height: 1; cursor: pointer; padding: 2px 6px; }
.status { font-size: 12px; padding: 4px 14px; background: #fff8c5; color: #4d3800; }
.status:empty { display: none; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f6f8fa; }
.msg { max-width: 80%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; word-wrap: break-word; line-height: 1.35; }
.msg.outbound, .msg.greeting { align-self: flex-start; background: #fff; border: 1px solid #d0d7de; }
.msg.inbound { align-self: flex-end; background: var(--fgw-accent); color: #fff; }
.msg.pending { opacity: .6; }
.msg.failed { background: #ffebe9; color: #82071e; border: 1px solid #ff8182; }
.typing { font-size: 12px; color: #57606a; padding: 0 14px 4px; min-height: 18px; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #d0d7de; background: #fff; }
form.details { flex-direction: column; }
label { font-size: 12px; color: #57606a; display: flex; flex-direction: column; gap: 3px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
input, textarea { font: inherit; border: 1px solid #8c959f; border-radius: 8px; padding: 8px; color: #1f2328; background: #fff; }
textarea { flex: 1; resize: none; height: 40px; }
form button { background: var(--fgw-accent); color: #fff; border: 0; border-radius: 8px; padding: 0 14px; font: inherit; font-weight: 600; cursor: pointer; min-height: 40px; }
`;

/** The widget's DOM: bubble, panel, log, details form and composer, with labels and keyboard use. */
export const WIDGET_UI = String.raw`
var script = document.currentScript;
var data = (script && script.dataset) || {};
var pageMode = data.mode === 'page';
function el(tag, attrs, text) {
  var node = document.createElement(tag);
  for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
  if (text) node.textContent = text;
  return node;
}
var host = el('div', { id: 'fgw-live-chat' });
var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
try {
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
} catch (e) {
  root.appendChild(el('style', {}, CSS));
}
var frame = el('div', { class: pageMode ? 'page' : 'embedded' });
frame.style.setProperty('--fgw-accent', C.color);
var bubble = el('button', { type: 'button', class: 'bubble', 'aria-label': 'Open chat: ' + C.title, 'aria-expanded': 'false', 'aria-controls': 'fgw-panel' });
var SVG = 'http://www.w3.org/2000/svg';
var icon = document.createElementNS(SVG, 'svg');
var iconAttrs = { width: '26', height: '26', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' };
for (var a in iconAttrs) icon.setAttribute(a, iconAttrs[a]);
var iconPath = document.createElementNS(SVG, 'path');
iconPath.setAttribute('fill', 'currentColor');
iconPath.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z');
icon.appendChild(iconPath);
bubble.appendChild(icon);
var panel = el('div', { id: 'fgw-panel', class: 'panel', role: 'dialog', 'aria-label': C.title });
panel.hidden = true;
var header = el('header');
var heading = el('h2', {}, C.title);
var closeButton = el('button', { type: 'button', 'aria-label': 'Close chat' }, '\u00d7');
header.appendChild(heading);
if (!pageMode) header.appendChild(closeButton);
var statusLine = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages', tabindex: '0' });
var typingLine = el('div', { class: 'typing', 'aria-live': 'polite' });
var details = el('form', { class: 'details', 'aria-label': 'Your details' });
var fields = {};
var FIELD_LABELS = { name: 'Your name', email: 'Your email', phone: 'Your phone (with country code)' };
var FIELD_TYPES = { name: 'text', email: 'email', phone: 'tel' };
C.askFor.forEach(function (f) {
  var label = el('label', {}, FIELD_LABELS[f]);
  var input = el('input', { type: FIELD_TYPES[f], name: f, autocomplete: f === 'phone' ? 'tel' : f, required: '' });
  label.appendChild(input);
  details.appendChild(label);
  fields[f] = input;
});
details.appendChild(el('button', { type: 'submit' }, 'Start chatting'));
var composer = el('form', { class: 'composer', 'aria-label': 'Send a message' });
var inputLabel = el('label', { for: 'fgw-text', class: 'sr' }, 'Message');
var input = el('textarea', { id: 'fgw-text', name: 'text', rows: '1', maxlength: String(C.maxLength), placeholder: 'Write a message…' });
var sendButton = el('button', { type: 'submit' }, 'Send');
composer.appendChild(inputLabel);
composer.appendChild(input);
composer.appendChild(sendButton);
panel.appendChild(header);
panel.appendChild(statusLine);
panel.appendChild(log);
panel.appendChild(typingLine);
panel.appendChild(details);
panel.appendChild(composer);
frame.appendChild(bubble);
frame.appendChild(panel);
root.appendChild(frame);
var lines = {};
function scrollDown() { log.scrollTop = log.scrollHeight; }
function addLine(line, key) {
  var id = line.id || key;
  if (id && lines[id]) return lines[id];
  var node = el('div', { class: 'msg ' + line.direction }, line.body);
  if (line.at) node.title = new Date(line.at).toLocaleString();
  if (id) lines[id] = node;
  log.appendChild(node);
  scrollDown();
  return node;
}
function confirmLine(key, id) {
  var node = lines[key];
  if (!node) return;
  node.classList.remove('pending');
  if (id) {
    if (lines[id] && lines[id] !== node) { node.parentNode && node.parentNode.removeChild(node); return; }
    lines[id] = node;
  }
}
function setStatus(text) { statusLine.textContent = text || ''; }
var typingTimer;
function showTyping(on) {
  clearTimeout(typingTimer);
  typingLine.textContent = on ? C.title + ' is typing…' : '';
  if (on) typingTimer = setTimeout(function () { typingLine.textContent = ''; }, 6000);
}
if (C.greeting) log.appendChild(el('div', { class: 'msg greeting' }, C.greeting));
function needsDetails() { return C.askFor.length > 0 && !saved.identified; }
function showForms() {
  details.hidden = !needsDetails();
  composer.hidden = needsDetails();
}
function open(focus) {
  panel.hidden = false;
  bubble.setAttribute('aria-expanded', 'true');
  bubble.setAttribute('aria-label', 'Close chat: ' + C.title);
  showForms();
  scrollDown();
  if (focus !== false) (needsDetails() ? fields[C.askFor[0]] : input).focus();
}
function close() {
  panel.hidden = true;
  bubble.setAttribute('aria-expanded', 'false');
  bubble.setAttribute('aria-label', 'Open chat: ' + C.title);
  bubble.focus();
}
bubble.addEventListener('click', function () { panel.hidden ? open() : close(); });
closeButton.addEventListener('click', close);
panel.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !pageMode) { e.preventDefault(); close(); } });
input.addEventListener('keydown', function (e) {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); composer.requestSubmit ? composer.requestSubmit() : composer.dispatchEvent(new Event('submit')); }
});
`;
