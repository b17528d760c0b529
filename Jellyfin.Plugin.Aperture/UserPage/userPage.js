// Aperture's user page: every signed-in Jellyfin user, not only admins. The page is served by the plugin on
// Jellyfin's own address, so it shares jellyfin-web's origin and reads the sign-in jellyfin-web keeps in localStorage
// (jellyfin-apiclient's credential store, the same in 10.11 and 12.0). It never asks for a password and never
// sends the token anywhere but this server. Every text from the API goes on the page with textContent, never as HTML.
(function () {
    'use strict';

    const CREDENTIALS_KEY = 'jellyfin_credentials';

    // The page is at <base>/Aperture/UserPage; <base> is Jellyfin's base URL (empty, or e.g. /jellyfin behind a proxy).
    const base = window.location.pathname.replace(/\/aperture\/userpage\/?$/i, '');

    const STATE_TEXT = {
        NotLinked: 'Not linked',
        Pending: 'Linking\u2026',
        Linked: 'Linked',
        LinkAgain: 'Link again: Trakt no longer accepts Aperture\u2019s sign-in'
    };

    let token = null;
    let pollTimer = null;
    let pollSeconds = 5;
    let busy = false;

    function byId(id) {
        return document.getElementById(id);
    }

    function setText(id, text) {
        byId(id).textContent = text === undefined || text === null ? '' : String(text);
    }

    function show(id, visible) {
        byId(id).hidden = !visible;
    }

    function formatDate(value) {
        const date = value ? new Date(value) : null;
        return date && !isNaN(date.getTime()) ? date.toLocaleString() : '';
    }

    function safeUrl(value) {
        return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : null;
    }

    // jellyfin-web's sign-in for this server: { Servers: [{ Id, AccessToken, UserId, DateLastAccessed, ... }] }.
    function readSignIn(serverId) {
        let stored;
        try {
            stored = JSON.parse(window.localStorage.getItem(CREDENTIALS_KEY) || '{}');
        } catch (e) {
            return null;
        }

        const servers = (stored && Array.isArray(stored.Servers) ? stored.Servers : []).filter(function (server) {
            return server && typeof server.AccessToken === 'string' && server.AccessToken && server.UserId;
        });
        const mine = servers.filter(function (server) {
            return server.Id === serverId;
        });
        const candidates = mine.length > 0 ? mine : servers;
        candidates.sort(function (a, b) {
            return (b.DateLastAccessed || 0) - (a.DateLastAccessed || 0);
        });
        return candidates.length > 0 ? candidates[0].AccessToken : null;
    }

    // The other sections' scripts (userPageDiscover.js) load after this one and read the sign-in the same way.
    window.ApertureUserPage = Object.freeze({ readSignIn: readSignIn });

    class HttpError extends Error {
        constructor(status, message) {
            super(message);
            this.status = status;
        }
    }

    async function request(method, path, signedIn) {
        const headers = { Accept: 'application/json' };
        if (signedIn) {
            // Jellyfin 12 accepts only this header, not the legacy token header. Device, DeviceId and Version are left out on
            // purpose: Jellyfin then takes them from the token's own device, while sending different ones would rename
            // the user's jellyfin-web device in the dashboard.
            headers.Authorization = 'MediaBrowser Client="Aperture", Token="' + token + '"';
        }

        const response = await window.fetch(base + path, { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' });
        let body = null;
        try {
            body = await response.json();
        } catch (e) {
            body = null;
        }

        if (!response.ok) {
            const message = body && (body.Message || body.message || body.title);
            throw new HttpError(response.status, message ? String(message) : 'The server answered HTTP ' + response.status + '.');
        }

        return body;
    }

    function showSignedOut(text) {
        stopPolling();
        token = null;
        setText('signedOutText', text);
        show('trakt', false);
        show('picks', false);
        show('signedOut', true);
        setText('who', '');
    }

    function fail(error) {
        if (error instanceof HttpError && error.status === 401) {
            showSignedOut('Your Jellyfin sign-in in this browser is no longer valid.');
            return;
        }

        setText('traktError', error && error.message ? error.message : 'The server could not be reached.');
    }

    function stopPolling() {
        if (pollTimer !== null) {
            window.clearTimeout(pollTimer);
            pollTimer = null;
        }
    }

    function setButtons(linkVisible, unlinkVisible) {
        show('traktLink', linkVisible);
        show('traktUnlink', unlinkVisible);
        byId('traktLink').disabled = busy;
        byId('traktUnlink').disabled = busy;
    }

    // A link in progress: the code, where to enter it, and the next check at the interval Trakt gave.
    function showPending(pending, note) {
        const url = safeUrl(pending.VerificationUrl);
        const link = byId('traktUrl');
        link.textContent = pending.VerificationUrl || '';
        if (url) {
            link.href = url;
        } else {
            link.removeAttribute('href');
        }

        setText('traktUserCode', pending.UserCode);
        setText('traktPoll', note || 'Waiting for the code to be entered at Trakt.');
        const expires = formatDate(pending.ExpiresAt);
        setText('traktDetail', expires ? 'The code works until ' + expires + '.' : '');
        setText('traktState', STATE_TEXT.Pending);
        byId('traktState').setAttribute('data-state', 'Pending');
        show('traktCode', true);
        setButtons(false, false);
        stopPolling();
        pollSeconds = Number(pending.IntervalSeconds) > 0 ? Number(pending.IntervalSeconds) : 5;
        pollTimer = window.setTimeout(poll, pollSeconds * 1000);
    }

    function renderStatus(status) {
        stopPolling();
        setText('traktError', '');
        if (status.State === 'Pending' && status.Pending) {
            showPending(status.Pending);
            return;
        }

        const state = STATE_TEXT[status.State] ? status.State : 'NotLinked';
        setText('traktState', STATE_TEXT[state]);
        byId('traktState').setAttribute('data-state', state);
        show('traktCode', false);
        let detail = '';
        if (state === 'Linked' && status.LinkedAt) {
            detail = 'Linked on ' + formatDate(status.LinkedAt) + '.';
        } else if (state === 'LinkAgain') {
            detail = status.Reason ? String(status.Reason) : '';
        }

        setText('traktDetail', detail);
        renderRuns(status.Runs);
        setText('traktAccountProblem', status.AccountProblem ? 'Trakt refuses this account for now: ' + String(status.AccountProblem) : '');
        setButtons(state !== 'Linked', state === 'Linked' || state === 'LinkAgain');
    }

    // One line per feature: "Ratings: 3 sent to Trakt, 1 from Trakt" and when; server text only as textContent.
    function renderRuns(runs) {
        const list = byId('traktRunList');
        list.replaceChildren();
        (Array.isArray(runs) ? runs : []).forEach(function (run) {
            const item = document.createElement('li');
            item.setAttribute('data-feature', String(run.Feature || ''));
            item.setAttribute('data-ok', run.Succeeded ? 'true' : 'false');
            const what = document.createElement('span');
            what.textContent = String(run.Name || run.Feature || '') + ': ' + (run.Succeeded ? '' : 'failed: ') + String(run.Summary || '');
            if (!run.Succeeded) {
                what.className = 'error';
            }

            const when = document.createElement('span');
            when.className = 'runTime';
            when.textContent = ' \u00B7 ' + formatDate(run.RanAt);
            item.append(what, when);
            list.appendChild(item);
        });
        show('traktRuns', list.childElementCount > 0);
    }

    async function refreshStatus() {
        renderStatus(await request('GET', '/Aperture/User/Trakt/Status', true));
    }

    async function poll() {
        pollTimer = null;
        try {
            const result = await request('POST', '/Aperture/User/Trakt/Link/Poll', true);
            if ((result.Status === 'Pending' || result.Status === 'SlowDown') && result.Pending) {
                showPending(result.Pending, result.Message);
                return;
            }

            await refreshStatus();
            if (result.Status !== 'Linked') {
                // Expired, denied, already used, unknown code: the link ended; say why in the server's words.
                setText('traktError', result.Message);
            }
        } catch (error) {
            fail(error);

            // The server or the network failed this once; the code may still be good, so keep checking at the interval.
            if (token !== null && !(error instanceof HttpError && error.status < 500)) {
                pollTimer = window.setTimeout(poll, pollSeconds * 1000);
            }
        }
    }

    async function run(action) {
        if (busy) {
            return;
        }

        busy = true;
        setText('traktError', '');
        byId('traktLink').disabled = true;
        byId('traktUnlink').disabled = true;
        try {
            await action();
        } catch (error) {
            fail(error);
        } finally {
            busy = false;
            byId('traktLink').disabled = false;
            byId('traktUnlink').disabled = false;
        }
    }

    byId('traktLink').addEventListener('click', function () {
        run(async function () {
            const result = await request('POST', '/Aperture/User/Trakt/Link', true);
            if (result.Status === 'Started' && result.Pending) {
                showPending(result.Pending);
            } else {
                setText('traktError', result.Message);
            }
        });
    });

    byId('traktUnlink').addEventListener('click', function () {
        run(async function () {
            const result = await request('POST', '/Aperture/User/Trakt/Unlink', true);
            await refreshStatus();
            setText('traktDetail', result.Message);
        });
    });

    // ---- AI picks (issue 11): the signed-in user's picks with their reasons, and "Not interested". ----
    function renderPicks(view) {
        setText('picksError', '');
        setText('picksMessage', view.Message);
        const when = formatDate(view.RefreshedAt);
        setText('picksSource', (view.Source ? 'From ' + view.Source + (when ? ', ' + when : '') + '. ' : '') + (view.ReasonBudget || ''));
        const list = byId('picksList');
        list.replaceChildren();
        (Array.isArray(view.Picks) ? view.Picks : []).forEach(function (pick) {
            const item = document.createElement('li');
            item.setAttribute('data-testid', 'pick');
            const name = document.createElement('span');
            name.className = 'name';
            name.textContent = pick.Name;
            const reason = document.createElement('span');
            reason.className = 'reason';
            reason.setAttribute('data-testid', 'pick-reason');
            reason.textContent = pick.Reason;
            const hide = document.createElement('button');
            hide.type = 'button';
            hide.setAttribute('data-testid', 'pick-hide');
            hide.textContent = 'Not interested';
            hide.addEventListener('click', function () {
                hide.disabled = true;
                request('POST', '/Aperture/User/Picks/' + encodeURIComponent(pick.ItemId) + '/Hide', true)
                    .then(renderPicks)
                    .catch(function (error) {
                        hide.disabled = false;
                        picksFail(error);
                    });
            });
            item.append(name, reason, hide);
            list.append(item);
        });
    }

    function picksFail(error) {
        if (error instanceof HttpError && error.status === 401) {
            fail(error);
            return;
        }

        setText('picksError', error && error.message ? error.message : 'The server could not be reached.');
    }

    function loadPicks() {
        show('picks', true);
        request('GET', '/Aperture/User/Picks', true).then(renderPicks).catch(picksFail);
    }
    // ---- end AI picks ----

    async function start() {
        byId('signInLink').href = base + '/web/';
        try {
            const info = await request('GET', '/System/Info/Public', false);
            token = readSignIn(info && info.Id);
            if (!token) {
                showSignedOut('You are not signed in to Jellyfin in this browser.');
                return;
            }

            const me = await request('GET', '/Users/Me', true);
            setText('who', me && me.Name ? 'Signed in as ' + me.Name : '');
            show('signedOut', false);
            show('trakt', true);
            loadPicks();
            await refreshStatus();
        } catch (error) {
            show('trakt', true);
            fail(error);
        }
    }

    start();
}());
