// Aperture's user page, Discover section (issue 12): the titles the user's sources want that the library lacks, with
// Seerr's status and a Request button. A script of its own, beside userPage.js, so each section stays separate. Like
// userPage.js it reads jellyfin-web's sign-in for this server from localStorage and calls only this server; the
// request is always made for the signed-in user (the API takes no user). Text goes on the page with textContent.
(function () {
    'use strict';

    const base = window.location.pathname.replace(/\/aperture\/userpage\/?$/i, '');

    function byId(id) {
        return document.getElementById(id);
    }

    function setText(element, text) {
        element.textContent = text === undefined || text === null ? '' : String(text);
    }

    // jellyfin-web's sign-in for this server, read by userPage.js (loaded first), so both sections use the same one.
    function readToken(serverId) {
        return window.ApertureUserPage ? window.ApertureUserPage.readSignIn(serverId) : null;
    }

    async function call(method, path, token, body) {
        const headers = { Accept: 'application/json' };
        if (token) {
            headers.Authorization = 'MediaBrowser Client="Aperture", Token="' + token + '"';
        }

        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }

        const response = await window.fetch(base + path, {
            method: method,
            headers: headers,
            credentials: 'same-origin',
            cache: 'no-store',
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        let answer = null;
        try {
            answer = await response.json();
        } catch (e) {
            answer = null;
        }

        if (!response.ok && !(answer && answer.Status)) {
            const message = answer && (answer.Message || answer.message || answer.title);
            throw new Error(message ? String(message) : 'The server answered HTTP ' + response.status + '.');
        }

        return answer;
    }

    function quotaText(view) {
        const parts = [];
        if (view.MoviesLeft !== null && view.MoviesLeft !== undefined) {
            parts.push(view.MoviesLeft + ' movie request(s) left');
        }

        if (view.SeriesLeft !== null && view.SeriesLeft !== undefined) {
            parts.push(view.SeriesLeft + ' series request(s) left');
        }

        return parts.join(', ');
    }

    function render(view, token) {
        const account = byId('discoverAccount');
        if (view.Problem) {
            setText(account, view.Problem);
        } else {
            const quota = quotaText(view);
            setText(account, 'Requests go to Seerr as ' + view.SeerrUser + (quota ? ' (' + quota + ')' : '') + '.');
        }

        const list = byId('discoverList');
        list.replaceChildren();
        setText(byId('discoverEmpty'), view.Items.length === 0
            ? 'Nothing missing right now. Titles appear here when your Trakt watchlist or suggestions, or the server\u2019s lists, name something the library does not have.'
            : '');
        view.Items.forEach(function (item) {
            const row = document.createElement('li');
            row.className = 'discover-item';
            row.setAttribute('data-testid', 'discover-item');
            row.setAttribute('data-tmdb', item.TmdbId === null || item.TmdbId === undefined ? '' : String(item.TmdbId));

            if (typeof item.PosterUrl === 'string' && /^https:\/\/image\.tmdb\.org\//.test(item.PosterUrl)) {
                const poster = document.createElement('img');
                poster.className = 'discover-poster';
                poster.alt = '';
                poster.loading = 'lazy';
                poster.referrerPolicy = 'no-referrer';
                poster.src = item.PosterUrl;
                poster.setAttribute('data-testid', 'discover-poster');
                // Offline or blocked (TMDb unreachable from this browser): no empty frame beside the title.
                poster.addEventListener('error', function () {
                    poster.hidden = true;
                });
                row.appendChild(poster);
            }

            const title = document.createElement('div');
            title.className = 'discover-title';
            setText(title, item.Title + (item.Year ? ' (' + item.Year + ')' : '') + (item.Kind === 'show' ? ' \u00b7 series' : ''));
            row.appendChild(title);

            const why = document.createElement('div');
            why.className = 'note';
            setText(why, item.Reasons.join(' \u00b7 '));
            row.appendChild(why);

            const status = document.createElement('div');
            status.className = 'discover-status';
            status.setAttribute('data-testid', 'discover-status');
            setText(status, item.StatusText);
            row.appendChild(status);

            if (item.CanRequest) {
                const button = document.createElement('button');
                button.type = 'button';
                button.className = 'primary';
                button.setAttribute('data-testid', 'discover-request');
                setText(button, 'Request');
                row.appendChild(button);
                // "Request" shows what the user may choose (a series' seasons; server, profile, folder and 4K
                // when Seerr allows them that), then "Send request" sends it. With nothing to choose it sends at once.
                const form = document.createElement('div');
                form.className = 'discover-form';
                form.setAttribute('data-testid', 'discover-form');
                form.hidden = true;
                row.appendChild(form);
                button.addEventListener('click', function () {
                    openForm(item, form, button, status, token);
                });
            }

            list.appendChild(row);
        });

        const requested = byId('discoverRequestedList');
        requested.replaceChildren();
        (view.Requests || []).forEach(function (item) {
            const row = document.createElement('li');
            row.className = 'discover-item';
            row.setAttribute('data-testid', 'discover-requested');
            row.setAttribute('data-status', item.Status || '');
            const title = document.createElement('div');
            title.className = 'discover-title';
            setText(title, item.Title);
            const status = document.createElement('div');
            status.className = 'discover-status';
            setText(status, item.StatusText);
            row.appendChild(title);
            row.appendChild(status);
            requested.appendChild(row);
        });
        byId('discoverRequested').hidden = !(view.Requests && view.Requests.length > 0);
    }

    function checkbox(form, label, testId, value, checked) {
        const wrap = document.createElement('label');
        wrap.className = 'discover-choice';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = checked;
        box.setAttribute('data-testid', testId);
        if (value !== null) {
            box.value = String(value);
        }

        wrap.appendChild(box);
        wrap.appendChild(document.createTextNode(' ' + label));
        form.appendChild(wrap);
        return box;
    }

    function select(form, label, testId) {
        const wrap = document.createElement('label');
        wrap.className = 'discover-choice';
        wrap.appendChild(document.createTextNode(label + ' '));
        const list = document.createElement('select');
        list.setAttribute('data-testid', testId);
        wrap.appendChild(list);
        form.appendChild(wrap);
        return list;
    }

    function fill(list, entries) {
        list.replaceChildren();
        entries.forEach(function (entry) {
            const option = document.createElement('option');
            option.value = entry.value;
            setText(option, entry.label);
            list.appendChild(option);
        });
    }

    // Server, profile and folder (advanced users only) and 4K (4K users only); returns a function giving the choice.
    function advancedChoices(form, options) {
        const servers = options.Servers || [];
        const fourK = options.Offer4k ? checkbox(form, '4K', 'discover-4k', null, false) : null;
        if (!options.CanChooseServer || servers.length === 0) {
            return function () {
                return fourK && fourK.checked ? { Is4k: true } : {};
            };
        }

        const server = select(form, 'Server', 'discover-server');
        const profile = select(form, 'Quality', 'discover-profile');
        const folder = select(form, 'Folder', 'discover-folder');
        function chosenServer() {
            return servers.filter(function (s) {
                return String(s.Id) === server.value;
            })[0] || null;
        }

        function showServer() {
            const current = chosenServer();
            fill(profile, [{ value: '', label: 'Default' }].concat((current ? current.Profiles : []).map(function (p) {
                return { value: String(p.Id), label: p.Name };
            })));
            fill(folder, [{ value: '', label: 'Default' }].concat((current ? current.RootFolders : []).map(function (path) {
                return { value: path, label: path };
            })));
        }

        function showServers() {
            const wanted = fourK ? fourK.checked : false;
            fill(server, [{ value: '', label: 'Default' }].concat(servers.filter(function (s) {
                return Boolean(s.Is4k) === wanted;
            }).map(function (s) {
                return { value: String(s.Id), label: s.Name + (s.IsDefault ? ' (default)' : '') };
            })));
            showServer();
        }

        server.addEventListener('change', showServer);
        if (fourK) {
            fourK.addEventListener('change', showServers);
        }

        showServers();
        return function () {
            const choice = {};
            if (fourK && fourK.checked) {
                choice.Is4k = true;
            }

            if (server.value !== '') {
                choice.ServerId = Number(server.value);
            }

            if (profile.value !== '') {
                choice.ProfileId = Number(profile.value);
            }

            if (folder.value !== '') {
                choice.RootFolder = folder.value;
            }

            return choice;
        };
    }

    async function openForm(item, form, button, status, token) {
        button.disabled = true;
        setText(byId('discoverError'), '');
        const show = item.Kind === 'show';
        let seasons = [];
        let options = {};
        try {
            options = (await call('GET', '/Aperture/User/Discover/Options/' + encodeURIComponent(item.Kind), token)) || {};
            if (show) {
                seasons = (await call('GET', '/Aperture/User/Discover/Seasons/' + encodeURIComponent(String(item.TmdbId)), token)).Seasons || [];
            }
        } catch (error) {
            setText(byId('discoverError'), error && error.message ? error.message : 'The server could not be reached.');
            button.disabled = false;
            return;
        }

        if (!show && !options.Offer4k && !options.CanChooseServer) {
            await request(item, {}, button, status, token);
            return;
        }

        form.replaceChildren();
        const advanced = advancedChoices(form, options);
        if (!show) {
            appendSend(item, form, button, status, token, function () {
                return advanced();
            });
            return;
        }

        const all = checkbox(form, 'All seasons', 'discover-season-all', null, true);
        const boxes = seasons.map(function (number) {
            return checkbox(form, number === 0 ? 'Specials' : 'Season ' + number, 'discover-season', number, true);
        });
        all.addEventListener('change', function () {
            boxes.forEach(function (box) {
                box.checked = all.checked;
            });
        });
        boxes.forEach(function (box) {
            box.addEventListener('change', function () {
                all.checked = boxes.every(function (b) {
                    return b.checked;
                });
            });
        });
        appendSend(item, form, button, status, token, function () {
            const chosen = boxes.filter(function (box) {
                return box.checked;
            }).map(function (box) {
                return Number(box.value);
            });
            if (!all.checked && chosen.length === 0) {
                setText(status, 'Choose at least one season.');
                return null;
            }

            // Every season ticked is "all", so seasons added later are requested too.
            const choice = advanced();
            if (!all.checked) {
                choice.Seasons = chosen;
            }

            return choice;
        });
    }

    function appendSend(item, form, button, status, token, choose) {
        const send = document.createElement('button');
        send.type = 'button';
        send.className = 'primary';
        send.setAttribute('data-testid', 'discover-send');
        setText(send, 'Send request');
        send.addEventListener('click', function () {
            const choice = choose();
            if (choice === null) {
                return;
            }

            request(item, choice, send, status, token).then(function (done) {
                if (done) {
                    form.hidden = true;
                    button.hidden = true;
                }
            });
        });
        form.appendChild(send);
        form.hidden = false;
        button.hidden = true;
    }

    async function request(item, choice, button, status, token) {
        button.disabled = true;
        setText(byId('discoverError'), '');
        try {
            const body = { Kind: item.Kind, TmdbId: item.TmdbId };
            Object.keys(choice).forEach(function (key) {
                body[key] = choice[key];
            });
            const result = await call('POST', '/Aperture/User/Discover/Request', token, body);
            setText(status, result.Message);
            status.setAttribute('data-result', result.Status);
            if (result.Status === 'Requested' || result.Status === 'AlreadyRequested') {
                button.hidden = true;
                return true;
            }
        } catch (error) {
            setText(byId('discoverError'), error && error.message ? error.message : 'The server could not be reached.');
        }

        button.disabled = false;
        return false;
    }

    async function start() {
        try {
            const info = await call('GET', '/System/Info/Public', null);
            const token = readToken(info && info.Id);
            if (!token) {
                return;
            }

            byId('discover').hidden = false;
            setText(byId('discoverAccount'), 'Loading\u2026');
            render(await call('GET', '/Aperture/User/Discover', token), token);
        } catch (error) {
            setText(byId('discoverError'), error && error.message ? error.message : 'The server could not be reached.');
        }
    }

    start();
}());
