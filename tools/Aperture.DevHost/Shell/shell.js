// Aperture dev host page shell. Gives a plugin page what jellyfin-web gives it (window.ApiClient,
// window.Dashboard, the view lifecycle) and loads the page the way jellyfin-web does: fetch the HTML from
// /web/ConfigurationPage, apply the translateHtml replacement of ${…}, keep only div[data-role=page],
// import its data-controller module, call `new module.default(view)` and dispatch viewshow.
// Written for the dev host from jellyfin-web's documented behaviour; development tool only.

const TOKEN_KEY = 'aperture-dev-token';

function hashParams() {
    const hash = location.hash.replace(/^#\/?/, '');
    const query = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : (hash.indexOf('=') >= 0 ? hash : '');
    return new URLSearchParams(query);
}

function param(name) {
    return hashParams().get(name) || new URLSearchParams(location.search).get(name);
}

// The admin token arrives once in the URL fragment (never sent to the server, never in the HTML), then lives
// in sessionStorage for this tab.
function takeToken() {
    const params = hashParams();
    const token = params.get('token');
    if (token) {
        sessionStorage.setItem(TOKEN_KEY, token);
        params.delete('token');
        const rest = params.toString();
        history.replaceState(null, '', location.pathname + location.search + (rest ? '#/configurationpage?' + rest : ''));
    }

    return sessionStorage.getItem(TOKEN_KEY) || '';
}

const accessToken = takeToken();

function authorizationHeader() {
    return 'MediaBrowser Client="Aperture Dev Host", Device="Browser", DeviceId="aperture-dev-shell", Version="0.0.0", Token="' + accessToken + '"';
}

const apiClient = {
    serverAddress: function () {
        return location.origin;
    },
    accessToken: function () {
        return accessToken;
    },
    getUrl: function (name, params) {
        if (!name) {
            throw new Error('Url name cannot be empty');
        }

        let url = location.origin + '/' + String(name).replace(/^\//, '');
        if (params) {
            const query = new URLSearchParams();
            Object.keys(params).forEach(function (key) {
                if (params[key] !== undefined && params[key] !== null) {
                    query.append(key, params[key]);
                }
            });
            const text = query.toString();
            if (text) {
                url += (url.indexOf('?') >= 0 ? '&' : '?') + text;
            }
        }

        return url;
    },
    // Same contract as jellyfin-apiclient's fetch: adds the auth header, rejects with the Response when the
    // status is 400 or more, resolves to JSON (dataType 'json'), text (text/* answers) or the Response.
    fetch: async function (request, includeAuthorization) {
        const headers = Object.assign({}, request.headers || {});
        if (includeAuthorization !== false) {
            headers['X-Emby-Authorization'] = authorizationHeader();
        }

        if (request.contentType) {
            headers['Content-Type'] = request.contentType;
        }

        const response = await fetch(request.url, {
            method: request.type || 'GET',
            headers: headers,
            body: request.data,
            credentials: 'same-origin'
        });
        if (response.status >= 400) {
            throw response;
        }

        if (request.dataType === 'json' || headers.accept === 'application/json') {
            return response.json();
        }

        if (request.dataType === 'text' || (response.headers.get('Content-Type') || '').toLowerCase().indexOf('text/') === 0) {
            return response.text();
        }

        return response;
    },
    getJSON: function (url) {
        return this.fetch({ url: url, type: 'GET', dataType: 'json' });
    },
    ajax: function (request) {
        return this.fetch(request);
    },
    getPluginConfiguration: function (id) {
        return this.getJSON(this.getUrl('Plugins/' + id + '/Configuration'));
    },
    updatePluginConfiguration: function (id, configuration) {
        return this.fetch({
            url: this.getUrl('Plugins/' + id + '/Configuration'),
            type: 'POST',
            data: JSON.stringify(configuration),
            contentType: 'application/json'
        });
    }
};

let loadingCount = 0;
let toastTimer = null;

function toast(text) {
    const node = document.getElementById('devToast');
    node.textContent = text;
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () {
        node.hidden = true;
    }, 4000);
}

const dashboard = {
    showLoadingMsg: function () {
        loadingCount++;
        document.getElementById('devLoading').hidden = false;
    },
    hideLoadingMsg: function () {
        loadingCount = Math.max(0, loadingCount - 1);
        if (loadingCount === 0) {
            document.getElementById('devLoading').hidden = true;
        }
    },
    alert: function (options) {
        const text = typeof options === 'string' ? options : ((options && options.title ? options.title + ': ' : '') + (options && options.message ? options.message : ''));
        toast(text);
        if (options && typeof options.callback === 'function') {
            options.callback();
        }
    },
    confirm: function (message, title, callback) {
        const ok = window.confirm((title ? title + '\n\n' : '') + message);
        if (typeof callback === 'function') {
            callback(ok);
        }
    },
    processPluginConfigurationUpdateResult: function () {
        loadingCount = 1;
        dashboard.hideLoadingMsg();
        toast('Settings saved.');
    },
    processErrorResponse: function (response) {
        dashboard.hideLoadingMsg();
        toast('Error: HTTP ' + (response && response.status));
    },
    navigate: function (url) {
        location.hash = '#/' + String(url).replace(/^\//, '');
        return Promise.resolve();
    },
    getPluginUrl: function (name) {
        return 'configurationpage?name=' + encodeURIComponent(name);
    },
    getConfigurationResourceUrl: function (name) {
        return apiClient.getUrl('web/ConfigurationPage', { name: name });
    }
};

window.ApiClient = apiClient;
window.Dashboard = dashboard;

function shellError(text) {
    const node = document.getElementById('devShellError');
    node.textContent = text;
    node.hidden = false;
}

function dispatch(view, type, params) {
    view.dispatchEvent(new CustomEvent(type, {
        bubbles: true,
        cancelable: false,
        detail: { type: 'interior', params: params, isRestored: false }
    }));
}

async function loadPage() {
    const name = param('name') || 'aperture';
    const params = { name: name };
    if (!accessToken) {
        shellError('No admin token: open the link the dev host printed at start (it carries the token in the #fragment).');
    }

    const response = await fetch(apiClient.getUrl('web/ConfigurationPage', { name: name }));
    if (!response.ok) {
        shellError('The page "' + name + '" could not be loaded (HTTP ' + response.status + ').');
        return;
    }

    // jellyfin-web's translateHtml replaces every ${Key}; do the same so a page that relies on a literal ${ breaks here too.
    const html = (await response.text()).replace(/\$\{([^}]*)\}/g, function (match, key) {
        return key;
    });
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const page = parsed.querySelector('div[data-role="page"]');
    if (!page) {
        shellError('The page has no div[data-role="page"]; jellyfin-web would show nothing.');
        return;
    }

    const view = document.importNode(page, true);
    if (view.querySelector('script')) {
        console.warn('Aperture dev host: inline <script> elements are not run; use a data-controller module.');
    }

    const poll = param('pollSeconds');
    if (poll) {
        view.setAttribute('data-poll-seconds', poll);
    }

    const container = document.getElementById('devViewContainer');
    container.replaceChildren(view);
    dispatch(view, 'viewinit', params);

    const controller = view.getAttribute('data-controller');
    if (controller) {
        const moduleName = controller.replace(/^__plugin\//, '');
        const module = await import(apiClient.getUrl('web/configurationpage', { name: moduleName }));
        // eslint-disable-next-line new-cap
        new module.default(view, params);
    }

    dispatch(view, 'viewbeforeshow', params);
    dispatch(view, 'pagebeforeshow', params);
    dispatch(view, 'viewshow', params);
    dispatch(view, 'pageshow', params);
    window.addEventListener('pagehide', function () {
        dispatch(view, 'viewbeforehide', params);
        dispatch(view, 'viewhide', params);
        dispatch(view, 'pagehide', params);
    });
    document.documentElement.setAttribute('data-dev-page-loaded', name);
}

loadPage().catch(function (error) {
    shellError('The dev host shell failed: ' + (error && error.message ? error.message : String(error)));
});
