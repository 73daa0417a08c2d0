// The Alder & Finch chat page: one WebSocket to /v1/chat/ws, answers streamed in place.
'use strict';
(() => {
  const SUGGESTIONS = ["What's your return policy?", 'Do you ship to Canada?', 'Where is my order?',
    'How heavy is the Ridgeline 2 Tent?', 'Do gift cards expire?', 'Can I talk to a person?'];
  const FIRST_NAMES = { 'c-1001': 'Maya', 'c-1002': 'Jordan' };
  const ERRORS = {
    rate_limited: "You're sending messages quickly. Please wait a moment and try again.",
    unavailable: "We're having trouble answering right now. Please try again in a moment.",
    timeout: 'That took longer than it should. Please try again.',
    too_large: 'That message is too long. Please shorten it and send it again.',
  };
  const FINAL = ['invalid_request', 'too_large', 'unauthorized', 'forbidden'];
  const CACHE = { miss: 'Cache miss', exact: 'Cache hit', semantic: 'Cache hit (similar question)' };

  const $ = (id) => document.getElementById(id);
  const transcript = $('transcript'), form = $('composer'), input = $('message'), picker = $('customer');

  let socket, pingTimer, backoff = 500, nextId = 1, conversationId = null, atBottom = true;
  const turns = new Map(); // clientMessageId -> turn in flight or waiting
  let outbox = [];

  // ---- connection ------------------------------------------------------------------------

  // With client keys configured, open the page as /#key=<client key>: the fragment never leaves the
  // browser, and the key goes to the upgrade as ?access_token= (browsers cannot set headers on a WebSocket).
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  const query = key ? `?access_token=${encodeURIComponent(key)}` : '';

  function connect() {
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/chat/ws${query}`);
    socket.onopen = () => {
      backoff = 500;
      setConnection('open');
      pingTimer = setInterval(() => socket.send('{"type":"ping"}'), 25000);
      outbox.splice(0).forEach(deliver);
    };
    socket.onmessage = (event) => onFrame(JSON.parse(event.data));
    socket.onclose = () => {
      clearInterval(pingTimer);
      turns.forEach((turn) => turn.bot && fail(turn, 'Not answered: the connection dropped.', true));
      setConnection('reconnecting');
      setTimeout(connect, backoff + Math.random() * 250);
      backoff = Math.min(backoff * 2, 8000);
    };
  }

  function setConnection(state) {
    document.body.dataset.conn = state;
    $('conn-text').textContent = { open: 'Online', connecting: 'Connecting…', reconnecting: 'Reconnecting…' }[state];
    $('banner').hidden = state !== 'reconnecting';
  }

  function onFrame(frame) {
    const turn = turns.get(frame.clientMessageId);
    if (frame.type === 'pong') return;
    if (!turn) {
      if (frame.type === 'error') note(friendly(frame.error));
      return;
    }
    if (frame.type === 'start') {
      conversationId = frame.conversationId;
      showIntent(turn, frame.intent);
    } else if (frame.type === 'delta') {
      appendDelta(turn, frame.text);
    } else if (frame.type === 'retract') {
      retract(turn, frame.text);
    } else if (frame.type === 'end') {
      finish(turn, frame.turn);
    } else if (frame.type === 'error') {
      fail(turn, friendly(frame.error), !FINAL.includes(frame.error && frame.error.code));
    }
  }

  // ---- turns -----------------------------------------------------------------------------

  function send(text) {
    text = text.trim();
    if (!text) return;
    const turn = { id: `m${nextId++}`, text, user: addUser(text) };
    turns.set(turn.id, turn);
    deliver(turn);
  }

  function deliver(turn) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      outbox.push(turn);
      status(turn.user, 'Waiting for the connection…');
      return;
    }
    status(turn.user, '');
    turn.bot = addBot();
    turn.sentAt = performance.now();
    socket.send(JSON.stringify({ type: 'message', clientMessageId: turn.id, conversationId,
      customerId: picker.value || undefined, message: turn.text }));
  }

  function appendDelta(turn, text) {
    const answer = turn.bot.querySelector('.answer');
    if (turn.firstDeltaAt === undefined) {
      turn.firstDeltaAt = performance.now();
      answer.textContent = '';
    }
    answer.append(text);
    follow();
  }

  // a sentence that failed validation after its first words were shown: take them back
  function retract(turn, text) {
    const answer = turn.bot.querySelector('.answer');
    if (text && answer.textContent.endsWith(text)) {
      answer.textContent = answer.textContent.slice(0, answer.textContent.length - text.length);
    }
  }

  function finish(turn, result) {
    turns.delete(turn.id);
    const bot = turn.bot;
    bot.querySelector('.answer').textContent = result.answer;
    showIntent(turn, result.intent);
    showSources(bot, result.sources || []);
    const measured = turn.firstDeltaAt === undefined ? null : Math.round(turn.firstDeltaAt - turn.sentAt);
    const firstToken = result.timings && result.timings.firstTokenMs != null
      ? `first token ${Math.round(result.timings.firstTokenMs)} ms (server)`
      : measured != null ? `first token ${measured} ms (measured in the browser)` : '';
    const meta = bot.querySelector('.meta');
    meta.textContent = [CACHE[result.cache] || `Cache ${result.cache}`, firstToken].filter(Boolean).join(' · ');
    if (result.degraded && result.degraded.length) meta.title = `Degraded: ${result.degraded.join(', ')}`;
    if (result.action && result.action.status === 'needs_confirmation') {
      bot.querySelector('.body').append(chips(['Yes, go ahead', 'No, keep it as it is'], 'Confirm'));
    }
    bot.dataset.state = 'done';
    bot.removeAttribute('aria-busy');
    follow();
  }

  function fail(turn, reason, retryable) {
    turns.delete(turn.id);
    if (turn.bot) turn.bot.remove();
    turn.user.classList.add('failed');
    status(turn.user, reason);
    if (retryable) {
      const retry = el('button', 'retry', 'Retry');
      retry.type = 'button';
      retry.addEventListener('click', () => {
        turn.user.remove();
        send(turn.text);
        input.focus();
      });
      turn.user.querySelector('.status').append(' ', retry);
    }
    follow();
  }

  function friendly(error) {
    const code = error && error.code;
    return ERRORS[code] || (FINAL.includes(code) && error.message ? `Not sent: ${error.message}.`
      : 'Something went wrong on our side. Please try again.');
  }

  function newConversation() {
    conversationId = null;
    turns.clear();
    outbox = [];
    transcript.replaceChildren(welcome());
    input.focus();
  }

  // ---- rendering -------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function addUser(text) {
    const msg = el('div', 'msg user');
    msg.append(el('p', 'bubble', text), el('p', 'status'));
    return add(msg);
  }

  function addBot() {
    const msg = el('article', 'msg bot');
    msg.setAttribute('aria-busy', 'true');
    msg.setAttribute('aria-label', 'Answer');
    const body = el('div', 'body');
    const bubble = el('div', 'bubble');
    const answer = el('p', 'answer');
    answer.append(el('span', 'typing', 'Finding the answer'));
    bubble.append(answer);
    body.append(el('p', 'intent'), bubble, el('div', 'sources'), el('p', 'meta'));
    msg.append(avatar(), body);
    return add(msg);
  }

  function avatar() {
    const mark = document.querySelector('.mark').cloneNode(true);
    mark.classList.add('avatar');
    return mark;
  }

  function showIntent(turn, intent) {
    if (!intent || !intent.name || !turn.bot) return;
    const label = intent.name.replace(/_/g, ' ');
    const confidence = intent.confidence > 0 ? ` · ${Math.round(intent.confidence * 100)}%` : '';
    turn.bot.querySelector('.intent').textContent = label.charAt(0).toUpperCase() + label.slice(1) + confidence;
  }

  function showSources(bot, sources) {
    const box = bot.querySelector('.sources');
    const titles = [...new Set(sources.map((source) => source.title).filter(Boolean))];
    if (!titles.length) return;
    const list = el('ul', 'source-list');
    titles.forEach((title) => {
      const cut = title.indexOf(': ');
      const item = el('li');
      item.append(el('span', 'source-section', cut < 0 ? title : title.slice(cut + 2)));
      if (cut >= 0) item.append(el('span', 'source-doc', title.slice(0, cut)));
      list.append(item);
    });
    box.append(el('h3', 'sources-title', 'Sources'), list);
  }

  function status(msg, text) {
    msg.querySelector('.status').textContent = text;
  }

  function note(text) {
    add(el('p', 'note', text));
  }

  function chips(questions, label) {
    const group = el('div', 'chips');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', label);
    questions.forEach((question) => {
      const chip = el('button', 'chip', question);
      chip.type = 'button';
      chip.addEventListener('click', () => { send(question); input.focus(); });
      group.append(chip);
    });
    return group;
  }

  function welcome() {
    const node = $('welcome-tpl').content.firstElementChild.cloneNode(true);
    const name = FIRST_NAMES[picker.value];
    node.querySelector('.welcome-title').textContent = `Hi ${name || 'there'}, how can we help?`;
    node.querySelector('.chips').replaceWith(chips(SUGGESTIONS, 'Suggested questions'));
    return node;
  }

  function add(node) {
    transcript.append(node);
    follow();
    return node;
  }

  function follow() {
    if (atBottom) transcript.scrollTop = transcript.scrollHeight;
  }

  // ---- wiring ----------------------------------------------------------------------------

  transcript.addEventListener('scroll', () => {
    atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 60;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(input.value);
    input.value = '';
    grow();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  const grow = () => {
    input.style.height = '';
    if (input.value) input.style.height = `${Math.min(input.scrollHeight + 2, 160)}px`;
  };
  input.addEventListener('input', grow);
  picker.addEventListener('change', newConversation);
  $('new-chat').addEventListener('click', newConversation);

  newConversation();
  setConnection('connecting');
  connect();
})();
