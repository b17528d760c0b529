// Aperture settings page controller. jellyfin-web imports it as an ES module (data-controller="__plugin/aperturejs")
// and calls `new module.default(view)`; all state lives inside this factory, so a revisit starts clean.
// Every text that comes from the API is put on the page with textContent, never parsed as HTML: messages can
// carry upstream text.

const STATUS = {
    Connected: { icon: '\u2713', text: 'Connected' },
    Warning: { icon: '\u26A0', text: 'Warning' },
    NotConfigured: { icon: '\u2717', text: 'Not configured' },
    Testing: { icon: '\u21BB', text: 'Testing' },
    Error: { icon: '\u2717', text: 'Error' }
};

const SEVERITY = {
    Error: { icon: '\u2717', text: 'Error' },
    Warning: { icon: '\u26A0', text: 'Warning' },
    Info: { icon: '\u2139', text: 'Info' }
};

const KIND = {
    Authentication: 'Authentication',
    RateLimit: 'Rate limit',
    Quota: 'Quota',
    Outage: 'Service outage',
    BadResponse: 'Bad response'
};

const LIMIT_FIELDS = [
    { name: 'RequestsPerWindow', label: 'Requests per window', help: 'How many requests the service allows in one window.' },
    { name: 'WindowSeconds', label: 'Window (seconds)', help: 'Length of the rate window.' },
    { name: 'WritesPerSecond', label: 'Writes per second', help: '0: no separate write limit.' },
    { name: 'DailyQuota', label: 'Daily quota', help: '0: no daily quota. Resets at midnight UTC.' },
    { name: 'MaxConcurrency', label: 'Concurrent requests', help: 'Requests in flight at once.' },
    { name: 'TimeoutSeconds', label: 'Timeout (seconds)', help: 'Per attempt.' }
];

function el(tag, options, children) {
    const opts = options || {};
    const node = opts.is ? document.createElement(tag, { is: opts.is }) : document.createElement(tag);
    if (opts.is) {
        node.setAttribute('is', opts.is);
    }

    if (opts.className) {
        node.className = opts.className;
    }

    if (opts.text !== undefined && opts.text !== null) {
        node.textContent = String(opts.text);
    }

    if (opts.attrs) {
        Object.keys(opts.attrs).forEach(function (name) {
            const value = opts.attrs[name];
            if (value !== undefined && value !== null && value !== false) {
                node.setAttribute(name, value === true ? '' : String(value));
            }
        });
    }

    (children || []).forEach(function (child) {
        if (child) {
            node.appendChild(child);
        }
    });
    return node;
}

function formatDate(value) {
    if (!value) {
        return null;
    }

    const date = new Date(value);
    return isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

function formatNumber(value) {
    return typeof value === 'number' ? value.toLocaleString() : String(value);
}

function safeUrl(value) {
    return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : null;
}

function hasDashboard(name) {
    return typeof window.Dashboard !== 'undefined' && window.Dashboard && typeof window.Dashboard[name] === 'function';
}

function showLoading() {
    if (hasDashboard('showLoadingMsg')) {
        window.Dashboard.showLoadingMsg();
    }
}

function hideLoading() {
    if (hasDashboard('hideLoadingMsg')) {
        window.Dashboard.hideLoadingMsg();
    }
}

function confirmAction(message, title) {
    return new Promise(function (resolve) {
        if (hasDashboard('confirm')) {
            window.Dashboard.confirm(message, title, function (ok) {
                resolve(ok === true);
            });
        } else {
            resolve(window.confirm(title + '\n\n' + message));
        }
    });
}

// ApiClient.fetch rejects with the Response when the status is 400 or more; read its { Message } if it has one.
async function errorText(error) {
    if (error && typeof error.text === 'function' && typeof error.status === 'number') {
        let message = null;
        try {
            const body = await error.text();
            const parsed = body ? JSON.parse(body) : null;
            message = parsed && (parsed.Message || parsed.message || parsed.title);
        } catch (e) {
            message = null;
        }

        if (message) {
            return String(message);
        }

        if (error.status === 401 || error.status === 403) {
            return 'Only a Jellyfin administrator can change these settings (HTTP ' + error.status + ').';
        }

        return 'The server answered HTTP ' + error.status + (error.statusText ? ' ' + error.statusText : '') + '.';
    }

    return (error && error.message) ? String(error.message) : 'The server could not be reached.';
}

function api(method, path, body, expectJson) {
    const request = {
        url: window.ApiClient.getUrl(path),
        type: method
    };
    if (expectJson !== false) {
        request.dataType = 'json';
    }

    if (body !== undefined) {
        request.data = JSON.stringify(body);
        request.contentType = 'application/json';
    }

    return window.ApiClient.fetch(request);
}

export default function (view) {
    const cards = new Map();
    const dismissed = new Set();
    let timer = null;
    let refreshing = false;
    let shown = false;

    const alertsList = view.querySelector('#apertureAlerts');
    const cardsRoot = view.querySelector('#apertureIntegrations');
    const loadError = view.querySelector('#apertureLoadError');

    function pollMilliseconds() {
        const seconds = parseFloat(view.getAttribute('data-poll-seconds'));
        return (isFinite(seconds) && seconds > 0 ? seconds : 15) * 1000;
    }

    // ---- alerts banner ----

    function renderAlerts(alerts) {
        const visible = (alerts || []).filter(function (a) {
            return !dismissed.has(String(a.Id));
        });
        alertsList.replaceChildren();
        visible.forEach(function (alert) {
            alertsList.appendChild(buildAlert(alert));
        });
    }

    function buildAlert(alert) {
        const severity = SEVERITY[alert.Severity] || SEVERITY.Info;
        const severityName = SEVERITY[alert.Severity] ? alert.Severity : 'Info';
        const kind = KIND[alert.Kind] || String(alert.Kind || 'Problem');
        const meta = [];
        meta.push(alert.Count > 1 ? 'Seen ' + formatNumber(alert.Count) + ' times' : 'Seen once');
        if (alert.FirstSeen) {
            meta.push('first ' + formatDate(alert.FirstSeen));
        }

        if (alert.LastSeen && alert.Count > 1) {
            meta.push('last ' + formatDate(alert.LastSeen));
        }

        const dismiss = el('button', {
            is: 'emby-button',
            className: 'emby-button raised',
            text: 'Dismiss',
            attrs: { type: 'button', 'data-testid': 'alert-dismiss', title: 'Hide this alert' }
        });
        const item = el('li', {
            className: 'apertureAlert apertureAlert-' + severityName,
            attrs: {
                'data-testid': 'alert',
                'data-alert-id': alert.Id,
                'data-alert-kind': alert.Kind,
                'data-alert-service': alert.Service,
                'data-alert-severity': severityName
            }
        }, [
            el('span', { className: 'apertureAlertIcon', text: severity.icon, attrs: { 'aria-hidden': 'true' } }),
            el('div', { className: 'apertureAlertBody' }, [
                el('div', { className: 'apertureAlertTitle', text: severity.text + ' \u00B7 ' + (alert.ServiceName || alert.Service) + ' \u00B7 ' + kind }),
                el('p', { className: 'apertureAlertMessage', text: alert.Message, attrs: { 'data-testid': 'alert-message' } }),
                alert.Action ? el('p', { className: 'apertureAlertAction', text: 'What to do: ' + alert.Action }) : null,
                el('div', { className: 'apertureMeta', text: meta.join(', ') + '.' }),
                alert.ResetAt ? el('div', { className: 'apertureMeta', text: 'Resets at ' + formatDate(alert.ResetAt) + '.', attrs: { 'data-testid': 'alert-reset' } }) : null
            ]),
            dismiss
        ]);
        dismiss.addEventListener('click', function () {
            dismissAlert(alert, item);
        });
        return item;
    }

    async function dismissAlert(alert, item) {
        dismissed.add(String(alert.Id));
        item.remove();
        try {
            await api('POST', 'Aperture/Alerts/' + encodeURIComponent(alert.Id) + '/Dismiss', undefined, false);
        } catch (error) {
            dismissed.delete(String(alert.Id));
            showLoadError('Could not dismiss the alert: ' + await errorText(error));
        }

        refresh();
    }

    function showLoadError(text) {
        loadError.textContent = text || '';
    }

    // ---- integration cards ----

    function statusBadge(card, status) {
        const known = STATUS[status] ? status : 'Error';
        const info = STATUS[known];
        card.badge.className = 'apertureBadge apertureBadge-' + known;
        card.badge.setAttribute('data-status', known);
        card.badgeIcon.textContent = info.icon + ' ';
        card.badgeText.textContent = info.text;
    }

    function inputBlock(labelText, input, help, extra) {
        return el('div', { className: 'inputContainer' }, [
            el('label', { className: 'inputLabel inputLabelUnfocused', text: labelText, attrs: { for: input.id } }),
            input,
            help ? el('div', { className: 'fieldDescription', text: help }) : null,
            extra || null
        ]);
    }

    function markDirty(input) {
        input.addEventListener('input', function () {
            input.setAttribute('data-dirty', 'true');
        });
    }

    function buildCard(integration) {
        const id = integration.Id;
        const prefix = 'aperture-' + id + '-';
        const card = { id: id, integration: integration, testing: false, credentials: new Map(), options: new Map(), limits: new Map() };

        card.badgeIcon = el('span', { attrs: { 'aria-hidden': 'true' } });
        card.badgeText = el('span');
        card.badge = el('span', { attrs: { 'data-testid': 'status', role: 'status' } }, [card.badgeIcon, card.badgeText]);
        card.priority = el('span', { className: 'aperturePriority', attrs: { 'data-testid': 'priority' } });
        card.purpose = el('p', { className: 'fieldDescription' });
        card.reason = el('p', { className: 'apertureReason', attrs: { 'data-testid': 'reason' } });
        card.facts = el('ul', { className: 'apertureFacts apertureMeta', attrs: { 'data-testid': 'facts' } });
        card.signUp = el('a', { className: 'apertureSignUp', text: 'Get a key', attrs: { target: '_blank', rel: 'noopener noreferrer' } });

        const credentialBlocks = integration.Credentials.map(function (field) {
            const input = el('input', {
                is: 'emby-input',
                className: 'emby-input',
                attrs: {
                    id: prefix + 'cred-' + field.Name,
                    type: 'password',
                    autocomplete: 'off',
                    spellcheck: 'false',
                    'data-testid': 'credential-input',
                    'data-credential': field.Name
                }
            });
            card.credentials.set(field.Name, input);
            return inputBlock(field.Label + (field.Required ? '' : ' (optional)'), input, field.Help);
        });

        const optionBlocks = integration.Options.map(function (field) {
            const input = el('input', {
                is: 'emby-input',
                className: 'emby-input',
                attrs: { id: prefix + 'opt-' + field.Name, type: 'text', autocomplete: 'off', 'data-testid': 'option-input', 'data-option': field.Name }
            });
            markDirty(input);
            card.options.set(field.Name, input);
            return inputBlock(field.Label, input, field.Help);
        });

        card.baseUrl = el('input', {
            is: 'emby-input',
            className: 'emby-input',
            attrs: { id: prefix + 'baseurl', type: 'url', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'baseurl-input' }
        });
        markDirty(card.baseUrl);
        card.baseUrlError = el('div', { className: 'fieldDescription apertureFieldError', attrs: { 'data-testid': 'baseurl-error', role: 'alert' } });

        const limitBlocks = LIMIT_FIELDS.map(function (field) {
            const input = el('input', {
                is: 'emby-input',
                className: 'emby-input',
                attrs: { id: prefix + 'limit-' + field.name, type: 'number', min: '0', step: '1', 'data-testid': 'limit-input', 'data-limit': field.name }
            });
            markDirty(input);
            card.limits.set(field.name, input);
            return inputBlock(field.label, input, field.help);
        });

        card.testButton = el('button', { is: 'emby-button', className: 'emby-button raised', text: 'Test Connection', attrs: { type: 'button', 'data-testid': 'test' } });
        card.saveButton = el('button', { is: 'emby-button', className: 'emby-button raised button-submit', text: 'Save', attrs: { type: 'submit', 'data-testid': 'save' } });
        card.clearButton = el('button', { is: 'emby-button', className: 'emby-button raised', text: 'Clear', attrs: { type: 'button', 'data-testid': 'clear' } });
        card.result = el('div', { className: 'apertureResult', attrs: { 'data-testid': 'result', 'aria-live': 'polite' } });

        card.form = el('form', { attrs: { autocomplete: 'off', novalidate: true } }, [
            el('div', { className: 'apertureCredentials' }, credentialBlocks),
            el('div', { className: 'apertureOptions' }, optionBlocks),
            inputBlock('Base URL', card.baseUrl, 'Leave empty for the service default.', card.baseUrlError),
            el('details', { className: 'apertureLimits', attrs: { 'data-testid': 'limits' } }, [
                el('summary', { text: 'Limits' }),
                el('p', { className: 'fieldDescription', text: 'Aperture queues requests to stay inside these limits; change them only if your plan differs.' }),
                el('div', { className: 'apertureLimitsGrid' }, limitBlocks)
            ]),
            el('div', { className: 'apertureButtons' }, [card.testButton, card.saveButton, card.clearButton]),
            card.result
        ]);

        card.root = el('section', {
            className: 'apertureCard',
            attrs: { 'data-integration': id, 'data-testid': 'integration', 'aria-labelledby': prefix + 'title' }
        }, [
            el('div', { className: 'apertureCardHeader' }, [
                el('h3', { text: integration.Name, attrs: { id: prefix + 'title' } }),
                card.priority,
                card.badge
            ]),
            card.purpose,
            card.reason,
            card.facts,
            card.signUp,
            card.form
        ]);

        card.form.addEventListener('submit', function (e) {
            e.preventDefault();
            save(card);
        });
        card.testButton.addEventListener('click', function () {
            test(card);
        });
        card.clearButton.addEventListener('click', function () {
            clear(card);
        });

        fillInputs(card, integration, true);
        return card;
    }

    // Puts the server's values into the inputs the admin has not edited. Credential inputs are never filled:
    // the server only tells whether a value is stored and its short mask.
    function fillInputs(card, integration, force) {
        integration.Credentials.forEach(function (field) {
            const input = card.credentials.get(field.Name);
            if (input) {
                input.placeholder = field.Configured ? 'saved ' + (field.Mask || '\u2022\u2022\u2022\u2022') : (field.Required ? 'Not set' : 'Not set (optional)');
                input.setAttribute('data-configured', field.Configured ? 'true' : 'false');
            }
        });

        function fill(input, value) {
            if (force || input.getAttribute('data-dirty') !== 'true') {
                input.value = value === undefined || value === null ? '' : String(value);
                input.removeAttribute('data-dirty');
            }
        }

        integration.Options.forEach(function (field) {
            const input = card.options.get(field.Name);
            if (input) {
                fill(input, field.Value);
            }
        });

        card.baseUrl.placeholder = integration.DefaultBaseUrl || 'https://\u2026';
        fill(card.baseUrl, integration.BaseUrl && integration.BaseUrl !== integration.DefaultBaseUrl ? integration.BaseUrl : '');

        LIMIT_FIELDS.forEach(function (field) {
            fill(card.limits.get(field.name), integration.Limits ? integration.Limits[field.name] : '');
        });
    }

    function updateCard(card, integration) {
        card.integration = integration;
        statusBadge(card, card.testing ? 'Testing' : integration.Status);
        card.priority.textContent = integration.Priority;
        card.purpose.textContent = integration.Purpose;
        card.reason.textContent = integration.Reason || '';

        const facts = [];
        if (integration.LastSuccess) {
            facts.push(['last-success', 'Last success: ' + formatDate(integration.LastSuccess)]);
        }

        if (integration.LastErrorAt || integration.LastError) {
            facts.push(['last-error', 'Last error' + (integration.LastErrorAt ? ' (' + formatDate(integration.LastErrorAt) + ')' : '') + ': ' + (integration.LastError || 'unknown')]);
        }

        const budget = integration.Budget;
        const limits = integration.Limits;
        if (budget) {
            const parts = [];
            if (budget.WindowLimit > 0) {
                parts.push(formatNumber(budget.UsedInWindow) + '/' + formatNumber(budget.WindowLimit) + ' per ' + formatNumber(limits ? limits.WindowSeconds : 0) + ' s');
            }

            if (budget.DailyQuota) {
                parts.push(formatNumber(budget.UsedToday || 0) + '/' + formatNumber(budget.DailyQuota) + ' today');
            }

            if (budget.Queued > 0) {
                parts.push(formatNumber(budget.Queued) + ' queued');
            }

            if (budget.PausedUntil) {
                parts.push('paused until ' + formatDate(budget.PausedUntil));
            }

            if (parts.length) {
                facts.push(['budget', 'Budget: ' + parts.join(', ')]);
            }
        }

        if (integration.DependentFeatures && integration.DependentFeatures.length) {
            facts.push(['features', 'Used for: ' + integration.DependentFeatures.join(', ')]);
        }

        card.facts.replaceChildren();
        facts.forEach(function (fact) {
            card.facts.appendChild(el('li', { text: fact[1], attrs: { 'data-testid': fact[0] } }));
        });

        const signUp = safeUrl(integration.SignUpUrl);
        card.signUp.hidden = !signUp;
        if (signUp) {
            card.signUp.href = signUp;
        }

        card.clearButton.disabled = !integration.Configured && !integration.Credentials.some(function (c) {
            return c.Configured;
        });
        fillInputs(card, integration, false);
    }

    function renderIntegrations(integrations) {
        const sorted = (integrations || []).slice().sort(function (a, b) {
            return (a.SetupOrder || 0) - (b.SetupOrder || 0);
        });
        const seen = new Set();
        sorted.forEach(function (integration) {
            seen.add(integration.Id);
            let card = cards.get(integration.Id);
            if (!card) {
                card = buildCard(integration);
                cards.set(integration.Id, card);
            }

            updateCard(card, integration);
            cardsRoot.appendChild(card.root);
        });
        cards.forEach(function (card, id) {
            if (!seen.has(id)) {
                card.root.remove();
                cards.delete(id);
            }
        });
    }

    function applyIntegration(integration) {
        const card = integration && cards.get(integration.Id);
        if (card) {
            updateCard(card, integration);
        }
    }

    function setBusy(card, busy) {
        [card.testButton, card.saveButton].forEach(function (b) {
            b.disabled = busy;
        });
        card.clearButton.disabled = busy || (!card.integration.Configured && !card.integration.Credentials.some(function (c) {
            return c.Configured;
        }));
    }

    function showResult(card, kind, message, details) {
        card.result.className = 'apertureResult apertureResult-' + kind;
        card.result.setAttribute('data-result', kind);
        card.result.replaceChildren(el('div', { text: message, attrs: { 'data-testid': 'result-message' } }));
        const keys = details ? Object.keys(details) : [];
        if (keys.length) {
            const list = el('dl', { attrs: { 'data-testid': 'result-details' } });
            keys.forEach(function (key) {
                list.appendChild(el('dt', { text: key }));
                list.appendChild(el('dd', { text: details[key] }));
            });
            card.result.appendChild(list);
        }
    }

    function clearResult(card) {
        card.result.replaceChildren();
        card.result.className = 'apertureResult';
        card.result.removeAttribute('data-result');
    }

    function typedCredentials(card) {
        const fields = {};
        let any = false;
        card.credentials.forEach(function (input, name) {
            if (input.value.trim() !== '') {
                fields[name] = input.value.trim();
                any = true;
            }
        });
        return any ? fields : null;
    }

    function settingsDirty(card) {
        const inputs = [card.baseUrl].concat(Array.from(card.options.values()), Array.from(card.limits.values()));
        return inputs.some(function (input) {
            return input.getAttribute('data-dirty') === 'true';
        });
    }

    function settingsBody(card) {
        const body = { BaseUrl: card.baseUrl.value.trim() || null, Options: {} };
        LIMIT_FIELDS.forEach(function (field) {
            const text = card.limits.get(field.name).value.trim();
            body[field.name] = text === '' ? null : Number(text);
        });
        card.options.forEach(function (input, name) {
            body.Options[name] = input.value.trim();
        });
        return body;
    }

    // Runs a connection test: with the typed key/URL when the admin typed one (nothing is saved), else the stored one.
    async function runTest(card, candidate) {
        card.testing = true;
        statusBadge(card, 'Testing');
        clearResult(card);
        try {
            const result = await api('POST', 'Aperture/Integrations/' + encodeURIComponent(card.id) + '/Test', candidate || undefined);
            card.testing = false;
            if (result && result.Integration) {
                applyIntegration(result.Integration);
            } else {
                statusBadge(card, card.integration.Status);
            }

            let message = result && result.Message ? result.Message : (result && result.Success ? 'Connected.' : 'The test failed.');
            if (candidate && result && result.Success) {
                message += ' This is the key or URL you typed; Save to keep it.';
            }

            if (result && result.Warning) {
                message += ' ' + result.Warning;
            }

            showResult(card, result && result.Success ? (result.Warning ? 'warning' : 'success') : 'error', message, result && result.Details);
            return result;
        } catch (error) {
            card.testing = false;
            statusBadge(card, card.integration.Status);
            showResult(card, 'error', 'Test failed: ' + await errorText(error));
            return null;
        } finally {
            card.testing = false;
            refreshAlerts();
        }
    }

    async function test(card) {
        setBusy(card, true);
        try {
            const fields = typedCredentials(card);
            const url = card.baseUrl.getAttribute('data-dirty') === 'true' ? card.baseUrl.value.trim() : '';
            let candidate = null;
            if (fields || url) {
                candidate = {};
                if (fields) {
                    candidate.Fields = fields;
                }

                if (url) {
                    candidate.BaseUrl = url;
                }
            }

            await runTest(card, candidate);
        } finally {
            setBusy(card, false);
        }
    }

    async function save(card) {
        setBusy(card, true);
        card.baseUrlError.textContent = '';
        clearResult(card);
        showLoading();
        try {
            if (settingsDirty(card)) {
                try {
                    const updated = await api('PUT', 'Aperture/Integrations/' + encodeURIComponent(card.id) + '/Settings', settingsBody(card));
                    [card.baseUrl].concat(Array.from(card.options.values()), Array.from(card.limits.values())).forEach(function (input) {
                        input.removeAttribute('data-dirty');
                    });
                    applyIntegration(updated);
                } catch (error) {
                    // Nothing else is sent: typed keys and other fields stay as they are so the admin can fix the URL.
                    const message = await errorText(error);
                    card.baseUrlError.textContent = message;
                    showResult(card, 'error', 'Not saved: ' + message);
                    return;
                }
            }

            const fields = typedCredentials(card);
            if (fields) {
                try {
                    const updated = await api('PUT', 'Aperture/Integrations/' + encodeURIComponent(card.id) + '/Credentials', { Fields: fields });
                    card.credentials.forEach(function (input) {
                        input.value = '';
                    });
                    applyIntegration(updated);
                } catch (error) {
                    showResult(card, 'error', 'Not saved: ' + await errorText(error));
                    return;
                }
            }

            hideLoading();
            if (card.integration.Configured) {
                await runTest(card, null);
            } else if (fields || card.integration.Credentials.length === 0) {
                showResult(card, 'success', 'Saved.');
            } else {
                showResult(card, 'warning', 'Settings saved. Enter the required credentials to connect.');
            }
        } finally {
            hideLoading();
            setBusy(card, false);
        }
    }

    async function clear(card) {
        const integration = card.integration;
        const features = integration.DependentFeatures && integration.DependentFeatures.length
            ? 'These features stop working: ' + integration.DependentFeatures.join(', ') + '.'
            : 'Aperture stops using ' + integration.Name + '.';
        const ok = await confirmAction('Remove the saved ' + integration.Name + ' credentials? ' + features, 'Clear ' + integration.Name);
        if (!ok) {
            return;
        }

        setBusy(card, true);
        showLoading();
        try {
            const updated = await api('DELETE', 'Aperture/Integrations/' + encodeURIComponent(card.id) + '/Credentials');
            card.credentials.forEach(function (input) {
                input.value = '';
            });
            applyIntegration(updated);
            showResult(card, 'success', integration.Name + ' credentials removed.');
        } catch (error) {
            showResult(card, 'error', 'Not cleared: ' + await errorText(error));
        } finally {
            hideLoading();
            setBusy(card, false);
            refreshAlerts();
        }
    }

    // ---- loading and polling ----

    async function refreshAlerts() {
        try {
            renderAlerts(await api('GET', 'Aperture/Alerts'));
        } catch (error) {
            showLoadError('Could not load alerts: ' + await errorText(error));
        }
    }

    async function refresh(first) {
        if (refreshing) {
            return;
        }

        refreshing = true;
        if (first) {
            showLoading();
        }

        try {
            const results = await Promise.all([api('GET', 'Aperture/Integrations'), api('GET', 'Aperture/Alerts')]);
            showLoadError('');
            renderIntegrations(results[0]);
            renderAlerts(results[1]);
        } catch (error) {
            showLoadError('Could not load Aperture\u2019s integrations: ' + await errorText(error));
        } finally {
            refreshing = false;
            if (first) {
                hideLoading();
            }
        }
    }

    function stopPolling() {
        if (timer !== null) {
            clearInterval(timer);
            timer = null;
        }
    }

    function startPolling() {
        stopPolling();
        timer = setInterval(function () {
            if (!shown || !view.isConnected) {
                stopPolling();
                return;
            }

            refresh(false);
        }, pollMilliseconds());
    }

    view.addEventListener('viewshow', function () {
        shown = true;
        refresh(true);
        startPolling();
    });
    view.addEventListener('viewhide', function () {
        shown = false;
        stopPolling();
    });
    view.addEventListener('viewdestroy', function () {
        shown = false;
        stopPolling();
    });
}
