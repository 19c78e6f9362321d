/**
 * The widget's connection: socket.io's protocol over one WebSocket (Engine.IO 4 packets `0` open,
 * `2`/`3` ping and pong, `4` message; Socket.IO 5 packets `0` connect, `2` event, `3` ack, `4`
 * connect error, all in the `/live-chat` namespace), the visitor's identity in localStorage, an
 * outbox that is sent again (same client_id: recorded once) after a reconnection, and the forms.
 */
export const WIDGET_CLIENT = String.raw`
var KEY = 'fgw-live-chat:' + C.connectionId;
var memory = {};
function load() {
  try { return JSON.parse(window.localStorage.getItem(KEY) || '{}') || {}; } catch (e) { return memory; }
}
function save() {
  try { window.localStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { memory = saved; }
}
var saved = load();
if (data.visitorId && data.visitorToken) {
  if (saved.visitor_id !== data.visitorId) saved = {};
  saved.visitor_id = data.visitorId;
  saved.visitor_token = data.visitorToken;
  saved.signed = true;
}
['name', 'email', 'phone'].forEach(function (f) { if (data[f]) saved[f] = data[f]; });
if (C.askFor.every(function (f) { return saved[f]; })) saved.identified = saved.identified || C.askFor.length > 0;
var NSP = '/live-chat';
var ws = null, connected = false, stopped = false, attempt = 0, retryTimer = null, watchdog = null, pingMs = 45000;
var ackSeq = 0, acks = {}, outbox = [];
function auth() {
  var a = { connection_id: C.connectionId };
  if (saved.visitor_id && saved.visitor_token) { a.visitor_id = saved.visitor_id; a.visitor_token = saved.visitor_token; }
  ['name', 'email', 'phone'].forEach(function (f) { if (saved[f]) a[f] = saved[f]; });
  return a;
}
function send(packet) { if (ws && ws.readyState === 1) ws.send(packet); }
function emit(name, payload, ack) {
  var id = '';
  if (ack) { id = String(++ackSeq); acks[id] = ack; }
  send('42' + NSP + ',' + id + JSON.stringify([name, payload]));
}
function alive() {
  clearTimeout(watchdog);
  watchdog = setTimeout(function () { if (ws) ws.close(); }, pingMs);
}
function connect() {
  clearTimeout(retryTimer);
  if (stopped || (ws && ws.readyState <= 1)) return;
  setStatus(attempt ? 'Reconnecting…' : '');
  var url = C.baseUrl.replace(/^http/, 'ws').replace(/\/+$/, '') + '/socket.io/?EIO=4&transport=websocket';
  try { ws = new WebSocket(url); } catch (e) { return retry(); }
  ws.onmessage = function (event) { alive(); onFrame(String(event.data)); };
  ws.onclose = function () {
    ws = null; connected = false; clearTimeout(watchdog);
    for (var k in acks) delete acks[k];
    if (!stopped) { setStatus('Offline: reconnecting…'); retry(); }
  };
}
function retry() {
  var delay = Math.min(30000, 1000 * Math.pow(2, attempt++)) * (0.75 + Math.random() / 2);
  retryTimer = setTimeout(connect, delay);
}
window.addEventListener('online', function () { attempt = 0; connect(); });
function onFrame(frame) {
  var type = frame.charAt(0);
  if (type === '0') {
    try { var hello = JSON.parse(frame.slice(1)); pingMs = (hello.pingInterval || 25000) + (hello.pingTimeout || 20000); } catch (e) { /* defaults */ }
    alive();
    send('40' + NSP + ',' + JSON.stringify(auth()));
  } else if (type === '2') send('3');
  else if (type === '4') onPacket(frame.slice(1));
}
function onPacket(p) {
  var kind = p.charAt(0), rest = p.slice(1), nsp = '/';
  if (rest.charAt(0) === '/') {
    var comma = rest.indexOf(',');
    nsp = comma < 0 ? rest : rest.slice(0, comma);
    rest = comma < 0 ? '' : rest.slice(comma + 1);
  }
  if (nsp !== NSP) return;
  var m = /^(\d*)([\s\S]*)$/.exec(rest), ackId = m[1], body = null;
  try { body = m[2] ? JSON.parse(m[2]) : null; } catch (e) { return; }
  if (kind === '0') { connected = true; attempt = 0; setStatus(''); flush(); }
  else if (kind === '4') refused(body || {});
  else if (kind === '2' && body) { onEvent(body[0], body[1]); }
  else if (kind === '3' && acks[ackId]) { var fn = acks[ackId]; delete acks[ackId]; fn(body && body[0]); }
}
function refused(err) {
  var code = err.data && err.data.code;
  if (code === 'bad_token' && !saved.signed) {
    // A stored anonymous identity that no longer holds (the secret changed): start again as a new visitor.
    delete saved.visitor_id; delete saved.visitor_token; save();
    attempt = 0;
  } else {
    setStatus('Chat unavailable: ' + (err.message || 'refused'));
    if (code === 'origin_refused' || code === 'unknown_connection' || code === 'bad_token' || code === 'bad_request') stopped = true;
  }
  if (ws) ws.close();
}
function onEvent(name, payload) {
  if (name === 'session' && payload) { saved.visitor_id = payload.visitor_id; saved.visitor_token = payload.visitor_token; save(); }
  else if (name === 'history' && payload) { (payload.messages || []).forEach(function (l) { addLine(l); }); }
  else if (name === 'message' && payload) { showTyping(false); addLine(payload); }
  else if (name === 'typing' && payload) showTyping(Boolean(payload.typing));
  else if (name === 'error' && payload) setStatus(payload.message || 'Something went wrong');
}
function flush() {
  outbox.forEach(function (item) { if (!item.inFlight) deliver(item); });
}
function deliver(item) {
  if (!connected) return;
  item.inFlight = true;
  emit('message', { text: item.text, client_id: item.clientId }, function (answer) {
    item.inFlight = false;
    if (answer && answer.id) {
      outbox.splice(outbox.indexOf(item), 1);
      confirmLine(item.clientId, answer.id);
    } else if (answer && answer.error) {
      outbox.splice(outbox.indexOf(item), 1);
      var node = lines[item.clientId];
      if (node) { node.classList.remove('pending'); node.classList.add('failed'); node.title = answer.error.message; }
      setStatus(answer.error.message);
    }
  });
}
function clientId() {
  var bytes = new Uint8Array(12);
  (window.crypto || {}).getRandomValues ? window.crypto.getRandomValues(bytes) : bytes.forEach(function (_, i) { bytes[i] = Math.random() * 256; });
  return 'c' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
}
composer.addEventListener('submit', function (e) {
  e.preventDefault();
  var text = input.value.trim();
  if (!text) return;
  input.value = '';
  var item = { text: text, clientId: clientId() };
  addLine({ body: text, direction: 'inbound' }, item.clientId).classList.add('pending');
  outbox.push(item);
  deliver(item);
});
var lastTyping = 0;
input.addEventListener('input', function () {
  var now = Date.now();
  if (connected && now - lastTyping > 2000) { lastTyping = now; emit('typing', { typing: true }); }
});
details.addEventListener('submit', function (e) {
  e.preventDefault();
  var given = {};
  C.askFor.forEach(function (f) { given[f] = fields[f].value.trim(); });
  emit('identify', given, function (answer) {
    if (answer && answer.error) { setStatus(answer.error.message); return; }
    C.askFor.forEach(function (f) { saved[f] = given[f]; });
    saved.identified = true; save(); setStatus(''); showForms(); input.focus();
  });
});
document.body ? document.body.appendChild(host) : document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(host); });
showForms();
connect();
if (pageMode || data.open === 'true') open(false);
`;
