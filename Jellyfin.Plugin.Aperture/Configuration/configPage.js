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
    BadResponse: 'Bad response',
    AccountLimit: 'Account limit'
};

// min and max are the server's bounds (SettingsBounds.cs), so the browser flags a value the server would refuse.
const LIMIT_FIELDS = [
    { name: 'RequestsPerWindow', label: 'Requests per window', help: 'How many requests the service allows in one window.', min: 1, max: 100000 },
    { name: 'WindowSeconds', label: 'Window (seconds)', help: 'Length of the rate window.', min: 1, max: 86400 },
    { name: 'WritesPerSecond', label: 'Writes per second', help: '0: no separate write limit.', min: 0, max: 100 },
    { name: 'DailyQuota', label: 'Daily quota', help: '0: no daily quota. Resets at midnight UTC.', min: 0, max: 10000000 },
    { name: 'MaxConcurrency', label: 'Concurrent requests', help: 'Requests in flight at once.', min: 1, max: 64 },
    { name: 'TimeoutSeconds', label: 'Timeout (seconds)', help: 'Per attempt.', min: 1, max: 300 }
];

// Metadata enrichment: the switches and fields of EnrichmentSettings, in the order the page shows them.
const ENRICH_SWITCHES = ['CriticRating', 'KeywordTags', 'Collections', 'ExtraCrew', 'Awards', 'ScoreTags', 'Images'];
const ENRICH_NUMBERS = [
    { name: 'FreshDays', label: 'Fresh for (days)' },
    { name: 'NotFoundDays', label: '"Not found" kept for (days)' },
    { name: 'RetryMinutes', label: 'Retry after (minutes)' }
];
const ENRICH_SERVICES = ['tmdb', 'mdblist', 'omdb'];
const SERVICE_NAMES = { tmdb: 'TMDb', mdblist: 'MDBList', omdb: 'OMDb' };
const RUN_STATUS = {
    running: 'Running',
    completed: 'Completed',
    cancelled: 'Cancelled',
    failed: 'Failed',
    interrupted: 'Interrupted'
};

function el(tag, options, children) {
    const opts = options || {};
    // jellyfin-web's elements (emby-input, emby-button) come from a custom-elements v0 polyfill: its createElement
    // takes no options object, and an element is upgraded when it is attached, where emby-input inserts its own label
    // before itself. So: a plain element with the `is` attribute, inside its container before the card is attached,
    // and never the element's own class (emby-input skips its setup when it already has it).
    const node = document.createElement(tag);
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

function serviceName(id) {
    return SERVICE_NAMES[id] || String(id);
}

// "omdb: Outage" reads "OMDb: Outage".
function reasonLabel(reason) {
    const text = String(reason);
    const colon = text.indexOf(':');
    return colon > 0 && SERVICE_NAMES[text.slice(0, colon)] ? SERVICE_NAMES[text.slice(0, colon)] + text.slice(colon) : text;
}

function countsOf(value) {
    return value && typeof value === 'object' && !Array.isArray(value)
        ? Object.keys(value).map(function (key) {
            return [key, value[key]];
        })
        : [];
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

// A poll that never ends would stop every later poll (one refresh runs at a time), and the page would keep showing
// an alert the server already closed: give up on it after a while so the next poll runs.
function withDeadline(promise, milliseconds) {
    let timer = null;
    const deadline = new Promise(function (resolve, reject) {
        timer = setTimeout(function () {
            reject(new Error('The server did not answer within ' + Math.round(milliseconds / 1000) + ' s.'));
        }, milliseconds);
    });
    return Promise.race([promise, deadline]).finally(function () {
        clearTimeout(timer);
    });
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
    const enrich = {
        form: view.querySelector('#apertureEnrichForm'),
        switches: new Map(),
        numbers: new Map(),
        order: view.querySelector('#apertureEnrich-CriticSourceOrder'),
        language: view.querySelector('#apertureEnrich-ImageLanguage'),
        error: view.querySelector('#apertureEnrichError'),
        saved: view.querySelector('#apertureEnrichSaved'),
        saveButton: view.querySelector('#apertureEnrichSave'),
        runButton: view.querySelector('#apertureEnrichRun'),
        runState: view.querySelector('#apertureEnrichRunState'),
        runsBody: view.querySelector('#apertureEnrichRuns'),
        problems: view.querySelector('#apertureEnrichProblems'),
        unavailable: view.querySelector('#apertureEnrichUnavailable'),
        loadError: view.querySelector('#apertureEnrichLoadError'),
        loaded: false,
        available: false,
        loading: false,
        saving: false,
        starting: false,
        running: false,
        // After Run now: the newest run id seen before the click; a run with a higher id is the one asked for.
        awaitingAfter: null,
        sawRunning: false,
        followUp: null
    };
    ENRICH_SWITCHES.forEach(function (name) {
        enrich.switches.set(name, view.querySelector('#apertureEnrich-' + name));
    });
    ENRICH_NUMBERS.forEach(function (field) {
        enrich.numbers.set(field.name, view.querySelector('#apertureEnrich-' + field.name));
    });

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
            className: 'raised',
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
                el('div', { className: 'apertureAlertTitle', text: severity.text + ' \u00B7 ' + (alert.ServiceName || alert.Service) + ' \u00B7 ' + kind + (alert.UserId ? ' \u00B7 user ' + (alert.UserName || alert.UserId) : ''), attrs: alert.UserId ? { 'data-alert-user': alert.UserName || alert.UserId } : undefined }),
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
        // emby-input draws its label from this attribute when jellyfin-web upgrades it.
        input.setAttribute('label', labelText);
        return el('div', { className: 'inputContainer' }, [
            input,
            help ? el('div', { className: 'fieldDescription', text: help }) : null,
            extra || null
        ]);
    }

    // An option whose only values are "on" and "off" is shown as a switch.
    function isSwitch(field) {
        const choices = field.Choices || [];
        return choices.length === 2 && choices.indexOf('on') >= 0 && choices.indexOf('off') >= 0;
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
            if (isSwitch(field)) {
                // An on/off option is a switch, built like the enrichment switches in configPage.html.
                const box = el('input', {
                    is: 'emby-checkbox',
                    attrs: { id: prefix + 'opt-' + field.Name, type: 'checkbox', 'data-testid': 'option-switch', 'data-option': field.Name }
                });
                box.addEventListener('change', function () {
                    box.setAttribute('data-dirty', 'true');
                });
                card.options.set(field.Name, box);
                return el('div', { className: 'checkboxContainer checkboxContainer-withDescription' }, [
                    el('label', { className: 'emby-checkbox-label' }, [box, el('span', { text: field.Label })]),
                    el('div', { className: 'fieldDescription checkboxFieldDescription', text: field.Help })
                ]);
            }

            const input = el('input', {
                is: 'emby-input',
                attrs: { id: prefix + 'opt-' + field.Name, type: 'text', autocomplete: 'off', 'data-testid': 'option-input', 'data-option': field.Name }
            });
            markDirty(input);
            card.options.set(field.Name, input);
            return inputBlock(field.Label, input, field.Help);
        });

        card.baseUrl = el('input', {
            is: 'emby-input',
            attrs: { id: prefix + 'baseurl', type: 'url', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'baseurl-input' }
        });
        markDirty(card.baseUrl);
        card.baseUrlError = el('div', { className: 'fieldDescription apertureFieldError', attrs: { 'data-testid': 'baseurl-error', role: 'alert' } });

        const limitBlocks = LIMIT_FIELDS.map(function (field) {
            const input = el('input', {
                is: 'emby-input',
                attrs: { id: prefix + 'limit-' + field.name, type: 'number', min: String(field.min), max: String(field.max), step: '1', 'data-testid': 'limit-input', 'data-limit': field.name }
            });
            markDirty(input);
            card.limits.set(field.name, input);
            return inputBlock(field.label, input, field.help);
        });

        card.testButton = el('button', { is: 'emby-button', className: 'raised', text: 'Test Connection', attrs: { type: 'button', 'data-testid': 'test' } });
        card.saveButton = el('button', { is: 'emby-button', className: 'raised button-submit', text: 'Save', attrs: { type: 'submit', 'data-testid': 'save' } });
        card.clearButton = el('button', { is: 'emby-button', className: 'raised', text: 'Clear', attrs: { type: 'button', 'data-testid': 'clear' } });
        card.result = el('div', { className: 'apertureResult', attrs: { 'data-testid': 'result', 'aria-live': 'polite' } });

        card.form = el('form', { attrs: { autocomplete: 'off', novalidate: true } }, [
            el('div', { className: 'apertureCredentials' }, credentialBlocks),
            el('div', { className: 'apertureOptions' }, optionBlocks),
            inputBlock('Base URL', card.baseUrl, 'Leave empty for the service default. Changing it needs the key again.', card.baseUrlError),
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
                if (input.type === 'checkbox') {
                    input.checked = String(value || '').toLowerCase() !== 'off';
                } else {
                    input.value = value === undefined || value === null ? '' : String(value);
                }

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
        updateAvailability();
    }

    function applyIntegration(integration) {
        const card = integration && cards.get(integration.Id);
        if (card) {
            updateCard(card, integration);
            updateAvailability();
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
            body.Options[name] = input.type === 'checkbox' ? (input.checked ? 'on' : 'off') : input.value.trim();
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
                    // A new base URL needs the key again (a saved key never goes to another address): the typed
                    // key travels with the URL, and without one the API's refusal below tells the admin so.
                    const body = settingsBody(card);
                    body.Fields = typedCredentials(card) || undefined;
                    const updated = await api('PUT', 'Aperture/Integrations/' + encodeURIComponent(card.id) + '/Settings', body);
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

    // ---- metadata enrichment ----

    function enrichControls() {
        return Array.from(enrich.switches.values()).concat(Array.from(enrich.numbers.values()), [enrich.order, enrich.language]);
    }

    enrichControls().forEach(function (control) {
        ['input', 'change'].forEach(function (type) {
            control.addEventListener(type, function () {
                control.setAttribute('data-dirty', 'true');
                enrich.saved.textContent = '';
            });
        });
    });

    // The select offers the two orders; a stored single source ("omdb") gets its own option so it is shown as is.
    function selectOrder(value) {
        const order = String(value || 'mdblist,omdb');
        const known = Array.from(enrich.order.options).some(function (option) {
            return option.value === order;
        });
        if (!known) {
            enrich.order.appendChild(el('option', {
                text: order.split(',').map(serviceName).join(', then ') + (order.indexOf(',') < 0 ? ' only' : ''),
                attrs: { value: order }
            }));
        }

        enrich.order.value = order;
    }

    // Puts the server's settings into the controls the admin has not touched (all of them when forced).
    function fillEnrichment(settings, force) {
        function fresh(control) {
            if (force || control.getAttribute('data-dirty') !== 'true') {
                control.removeAttribute('data-dirty');
                return true;
            }

            return false;
        }

        enrich.switches.forEach(function (input, name) {
            if (fresh(input)) {
                input.checked = settings[name] === true;
            }
        });
        enrich.numbers.forEach(function (input, name) {
            if (fresh(input)) {
                input.value = settings[name] === undefined || settings[name] === null ? '' : String(settings[name]);
            }
        });
        if (fresh(enrich.order)) {
            selectOrder(settings.CriticSourceOrder);
        }

        if (fresh(enrich.language)) {
            enrich.language.value = settings.ImageLanguage || '';
        }
    }

    // The whole settings object, as PUT expects it; null (with the message shown) when a number is not a number.
    function enrichmentBody() {
        const body = {};
        enrich.switches.forEach(function (input, name) {
            body[name] = input.checked;
        });
        for (const field of ENRICH_NUMBERS) {
            const text = enrich.numbers.get(field.name).value.trim();
            if (!/^-?\d+$/.test(text)) {
                enrich.error.textContent = field.label + ' needs a whole number.';
                return null;
            }

            body[field.name] = Number(text);
        }

        body.CriticSourceOrder = enrich.order.value;
        body.ImageLanguage = enrich.language.value.trim();
        return body;
    }

    async function saveEnrichment() {
        if (enrich.saving || !enrich.loaded) {
            return;
        }

        enrich.error.textContent = '';
        enrich.saved.textContent = '';
        const body = enrichmentBody();
        if (!body) {
            return;
        }

        enrich.saving = true;
        updateEnrichButtons();
        showLoading();
        try {
            const saved = await api('PUT', 'Aperture/Enrichment/Settings', body);
            fillEnrichment(saved || body, true);
            enrich.saved.textContent = 'Saved. The next run uses these settings.';
        } catch (error) {
            // Nothing was saved on the server; the form keeps what the admin typed so it can be corrected.
            enrich.error.textContent = 'Not saved: ' + await errorText(error);
        } finally {
            enrich.saving = false;
            hideLoading();
            updateEnrichButtons();
        }
    }

    function updateEnrichButtons() {
        enrich.saveButton.disabled = !enrich.loaded || enrich.saving;
        const busy = enrich.starting || enrich.running || enrich.awaitingAfter !== null;
        enrich.runButton.disabled = !enrich.loaded || !enrich.available || busy;
    }

    // Enrichment needs at least one of TMDb, MDBList and OMDb; an integration missing from the cards counts as not
    // set up. Called whenever a card changes, so saving or clearing a key updates Run now at once.
    function updateAvailability() {
        enrich.available = ENRICH_SERVICES.some(function (id) {
            const card = cards.get(id);
            return Boolean(card && card.integration.Configured === true);
        });
        enrich.unavailable.hidden = enrich.available;
        updateEnrichButtons();
    }

    function setRunState(state, text) {
        enrich.runState.textContent = text || '';
        if (state) {
            enrich.runState.setAttribute('data-state', state);
        } else {
            enrich.runState.removeAttribute('data-state');
        }
    }

    function runCell(column, content, numeric) {
        const cell = el('td', { className: numeric ? 'apertureNum' : null, attrs: { 'data-col': column } });
        if (content && typeof content === 'object') {
            cell.appendChild(content);
        } else {
            cell.textContent = content === undefined || content === null || content === '' ? '\u2014' : String(content);
        }

        return cell;
    }

    function countList(pairs, label) {
        if (!pairs.length) {
            return null;
        }

        return el('ul', {}, pairs.map(function (pair) {
            return el('li', { text: label(pair[0]) + ' (' + formatNumber(pair[1]) + ')' });
        }));
    }

    function buildRunRow(run) {
        const summary = run.Summary && typeof run.Summary === 'object' ? run.Summary : null;
        const status = String(run.Status || 'unknown');
        const has = function (name) {
            return summary && typeof summary[name] === 'number';
        };
        const skipped = summary && Array.isArray(summary.SkippedServices) ? summary.SkippedServices.map(serviceName).join(', ') : '';
        return el('tr', {
            attrs: { 'data-testid': 'enrichment-run-row', 'data-run-id': run.Id, 'data-status': status }
        }, [
            runCell('started', formatDate(run.StartedAt)),
            runCell('finished', formatDate(run.FinishedAt)),
            el('td', { className: 'apertureRunStatus-' + status.replace(/[^a-z]/gi, ''), text: RUN_STATUS[status] || status, attrs: { 'data-col': 'status' } }),
            runCell('due', has('Due') ? formatNumber(summary.Due) + ' / ' + formatNumber(has('Total') ? summary.Total : 0) : null, true),
            runCell('enriched', has('Enriched') ? formatNumber(summary.Enriched) : null, true),
            runCell('unchanged', has('Unchanged') ? formatNumber(summary.Unchanged) : null, true),
            runCell('failed', summary ? countList(countsOf(summary.FailedByReason), reasonLabel) || 'none' : null),
            runCell('deferred', summary ? countList(countsOf(summary.DeferredByService), serviceName) || 'none' : null),
            runCell('skipped', summary ? skipped || 'none' : null)
        ]);
    }

    function renderRuns(runs) {
        enrich.runsBody.replaceChildren();
        if (!runs.length) {
            enrich.runsBody.appendChild(el('tr', { attrs: { 'data-testid': 'enrichment-runs-empty' } }, [
                el('td', { className: 'apertureEmpty', text: 'No runs yet. Run now starts one; the task also runs daily.', attrs: { colspan: '9' } })
            ]));
        }

        runs.forEach(function (run) {
            enrich.runsBody.appendChild(buildRunRow(run));
        });

        // "Queued" until the asked-for run shows up (a higher id, or the run that was already going ends).
        const running = runs.find(function (run) {
            return run.Status === 'running';
        });
        enrich.running = Boolean(running);
        if (enrich.awaitingAfter !== null) {
            const started = runs.find(function (run) {
                return run.Id > enrich.awaitingAfter;
            });
            if (running) {
                enrich.sawRunning = true;
            }

            if ((started && started.Status !== 'running') || (!running && enrich.sawRunning)) {
                enrich.awaitingAfter = null;
                enrich.sawRunning = false;
                const done = started || runs[0];
                setRunState('finished', 'Finished: ' + (RUN_STATUS[done.Status] || done.Status) + '.');
            } else {
                setRunState(running ? 'running' : 'queued', running ? 'Running\u2026' : 'Queued\u2026');
            }
        } else if (running) {
            setRunState('running', 'Running\u2026');
        } else if (enrich.runState.getAttribute('data-state') === 'running' || enrich.runState.getAttribute('data-state') === 'queued') {
            setRunState(null, '');
        }

        updateEnrichButtons();
        scheduleFollowUp();
    }

    function renderProblems(problems) {
        enrich.problems.replaceChildren();
        if (!problems.length) {
            enrich.problems.appendChild(el('li', { className: 'apertureEmpty', text: 'No items with problems.', attrs: { 'data-testid': 'enrichment-problems-empty' } }));
            return;
        }

        problems.forEach(function (problem) {
            const status = problem.Status === 'Deferred' ? 'Deferred' : 'Failed';
            const name = problem.ItemName || ('Item ' + problem.ItemId + ' (no longer in the library)');
            enrich.problems.appendChild(el('li', {
                className: 'apertureProblem apertureProblem-' + status,
                attrs: {
                    'data-testid': 'enrichment-problem',
                    'data-item-id': problem.ItemId,
                    'data-service': problem.Service,
                    'data-status': status
                }
            }, [
                el('div', { className: 'apertureProblemTitle', text: name + ' \u00B7 ' + serviceName(problem.Service) + ' \u00B7 ' + status, attrs: { 'data-testid': 'enrichment-problem-title' } }),
                problem.Message ? el('div', { text: problem.Message, attrs: { 'data-testid': 'enrichment-problem-message' } }) : null,
                problem.NextDueAt ? el('div', { className: 'apertureMeta', text: 'Next try: ' + formatDate(problem.NextDueAt), attrs: { 'data-testid': 'enrichment-problem-next' } }) : null
            ]));
        });
    }

    async function refreshEnrichment() {
        if (enrich.loading) {
            return;
        }

        enrich.loading = true;
        try {
            const overview = await api('GET', 'Aperture/Enrichment');
            enrich.loadError.textContent = '';
            fillEnrichment(overview.Settings || {}, !enrich.loaded);
            enrich.loaded = true;
            renderRuns(Array.isArray(overview.Runs) ? overview.Runs : []);
            renderProblems(Array.isArray(overview.Problems) ? overview.Problems : []);
        } catch (error) {
            enrich.loadError.textContent = 'Could not load the enrichment settings and runs: ' + await errorText(error);
        } finally {
            enrich.loading = false;
            updateEnrichButtons();
        }
    }

    function newestRunId() {
        return Array.from(enrich.runsBody.querySelectorAll('[data-run-id]')).reduce(function (max, row) {
            const id = Number(row.getAttribute('data-run-id'));
            return isFinite(id) && id > max ? id : max;
        }, 0);
    }

    async function runNow() {
        if (enrich.runButton.disabled) {
            return;
        }

        enrich.starting = true;
        updateEnrichButtons();
        const before = newestRunId();
        try {
            await api('POST', 'Aperture/Enrichment/Run', undefined, false);
            enrich.awaitingAfter = before;
            enrich.sawRunning = false;
            setRunState('queued', 'Queued\u2026');
        } catch (error) {
            setRunState('error', 'Not started: ' + await errorText(error));
        } finally {
            enrich.starting = false;
            updateEnrichButtons();
        }

        refreshEnrichment();
    }

    // While a run is queued or going, the runs list is refreshed every couple of seconds rather than at the
    // page's slower poll, so the admin sees it finish.
    function scheduleFollowUp() {
        if (enrich.followUp !== null || !shown) {
            return;
        }

        if (enrich.awaitingAfter === null && !enrich.running) {
            return;
        }

        enrich.followUp = setTimeout(function () {
            enrich.followUp = null;
            if (shown && view.isConnected) {
                refreshEnrichment();
            }
        }, Math.min(pollMilliseconds(), 2000));
    }

    function stopFollowUp() {
        if (enrich.followUp !== null) {
            clearTimeout(enrich.followUp);
            enrich.followUp = null;
        }
    }

    enrich.form.addEventListener('submit', function (e) {
        e.preventDefault();
        saveEnrichment();
    });
    enrich.runButton.addEventListener('click', function () {
        runNow();
    });

    // ---- users: every user's Trakt link, and unlinking one ----

    const users = {
        list: view.querySelector('#apertureUsersList'),
        error: view.querySelector('#apertureUsersError'),
        pageUrl: view.querySelector('#apertureUserPageUrl'),
        unlinking: new Set()
    };
    users.pageUrl.textContent = window.ApiClient.getUrl('Aperture/UserPage');
    users.pageUrl.href = window.ApiClient.getUrl('Aperture/UserPage');

    const LINK_STATES = { NotLinked: 'Not linked', Pending: 'Linking in progress', Linked: 'Linked', LinkAgain: 'Link again' };

    function buildUserRow(user) {
        const name = user.UserName || ('Deleted user ' + user.UserId);
        let detail = LINK_STATES[user.State] || String(user.State);
        if (user.State === 'Linked' && user.LinkedAt) {
            detail += ' since ' + formatDate(user.LinkedAt);
        } else if (user.State === 'LinkAgain' && user.Reason) {
            detail += ': ' + user.Reason;
        }

        const row = el('li', { className: 'apertureUser', attrs: { 'data-user-id': user.UserId, 'data-state': user.State, 'data-testid': 'user' } }, [
            el('strong', { text: name }),
            el('span', { text: ' \u2014 ' + detail, attrs: { 'data-testid': 'user-state' } })
        ]);
        if (user.State !== 'NotLinked') {
            const button = el('button', {
                is: 'emby-button',
                className: 'raised',
                text: 'Unlink',
                attrs: { type: 'button', 'data-testid': 'user-unlink', disabled: users.unlinking.has(user.UserId) }
            });
            button.addEventListener('click', function () {
                unlinkUser(user.UserId, name);
            });
            row.appendChild(el('span', { text: ' ' }));
            row.appendChild(button);
        }

        // The last run of each Trakt feature for this user: what it did, or why it stopped, and when.
        const runs = Array.isArray(user.Runs) ? user.Runs : [];
        if (runs.length > 0) {
            row.appendChild(el('ul', { className: 'apertureUserRuns', attrs: { 'data-testid': 'user-runs' } }, runs.map(function (run) {
                return el('li', {
                    className: run.Succeeded ? 'apertureMeta' : 'apertureMeta apertureFieldError',
                    text: (run.Name || run.Feature) + ': ' + (run.Succeeded ? '' : 'failed: ') + run.Summary + ' \u00B7 ' + formatDate(run.RanAt),
                    attrs: { 'data-feature': run.Feature }
                });
            })));
        }

        return row;
    }

    async function refreshUsers() {
        try {
            const list = await api('GET', 'Aperture/Trakt/Users');
            users.error.textContent = '';
            users.list.replaceChildren.apply(users.list, (Array.isArray(list) ? list : []).map(buildUserRow));
        } catch (error) {
            users.error.textContent = 'Could not load the users\u2019 Trakt links: ' + await errorText(error);
        }
    }

    async function unlinkUser(userId, name) {
        if (!await confirmAction('Unlink ' + name + '\u2019s Trakt account? Aperture\u2019s access is revoked at Trakt.', 'Unlink Trakt')) {
            return;
        }

        users.unlinking.add(userId);
        try {
            await api('POST', 'Aperture/Trakt/Users/' + encodeURIComponent(userId) + '/Unlink');
        } catch (error) {
            users.error.textContent = 'Could not unlink ' + name + ': ' + await errorText(error);
        } finally {
            users.unlinking.delete(userId);
        }

        refreshUsers();
    }

    // ---- Seerr users (issue 12): each Jellyfin user's Seerr user, and the admin's choice ----
    // Loaded when the page is shown and after a change, not on every poll: it asks Seerr for its user list.

    const seerrUsers = {
        list: view.querySelector('#apertureSeerrUsersList'),
        note: view.querySelector('#apertureSeerrUsersNote')
    };
    const SEERR_METHODS = {
        JellyfinId: 'matched by the Jellyfin id Seerr stores',
        Email: 'matched by email',
        Username: 'matched by user name',
        Override: 'chosen by an admin',
        Disabled: 'no Seerr account (chosen by an admin)',
        None: 'no Seerr user found: this user cannot request'
    };

    function buildSeerrUserRow(user, choices) {
        const select = el('select', { attrs: { 'data-testid': 'seerr-user-choice', 'aria-label': 'Seerr user for ' + user.UserName } }, [
            el('option', { text: 'Automatic', attrs: { value: '' } }),
            el('option', { text: 'No Seerr account', attrs: { value: '0' } })
        ].concat(Object.keys(choices).map(function (id) {
            return el('option', { text: choices[id], attrs: { value: id } });
        })));
        select.value = user.Method === 'Override' ? String(user.SeerrUserId) : user.Method === 'Disabled' ? '0' : '';
        select.addEventListener('change', async function () {
            select.disabled = true;
            try {
                await api('PUT', 'Aperture/Seerr/Users/' + encodeURIComponent(user.UserId), { SeerrUserId: select.value === '' ? null : Number(select.value) }, false);
            } catch (error) {
                seerrUsers.note.textContent = 'Could not save the choice for ' + user.UserName + ': ' + await errorText(error);
            }

            refreshSeerrUsers();
        });
        const detail = (user.SeerrUserName ? user.SeerrUserName + ', ' : '') + (SEERR_METHODS[user.Method] || String(user.Method));
        return el('li', { className: 'apertureUser', attrs: { 'data-user-id': user.UserId, 'data-method': user.Method, 'data-testid': 'seerr-user' } }, [
            el('strong', { text: user.UserName }),
            el('span', { text: ' \u2014 ' + detail + ' ', attrs: { 'data-testid': 'seerr-user-match' } }),
            select
        ]);
    }

    async function refreshSeerrUsers() {
        try {
            const table = await api('GET', 'Aperture/Seerr/Users');
            seerrUsers.note.textContent = '';
            const choices = table.SeerrUsers || {};
            seerrUsers.list.replaceChildren.apply(seerrUsers.list, (table.Users || []).map(function (user) {
                return buildSeerrUserRow(user, choices);
            }));
        } catch (error) {
            seerrUsers.list.replaceChildren();
            seerrUsers.note.textContent = 'Seerr\u2019s users could not be read: ' + await errorText(error);
        }
    }

    async function refreshSeerrDiscover() {
        const list = view.querySelector('#apertureSeerrDiscoverList');
        const note = view.querySelector('#apertureSeerrDiscoverNote');
        try {
            const rows = await api('GET', 'Aperture/Seerr/Discover');
            note.textContent = Array.isArray(rows) && rows.length > 0 ? '' : 'No missing titles stored yet.';
            list.replaceChildren.apply(list, (Array.isArray(rows) ? rows : []).map(function (row) {
                const title = row.Title + (row.Year ? ' (' + row.Year + ')' : '') + (row.Kind === 'show' ? ', series' : '');
                return el('li', { className: 'apertureUser', attrs: { 'data-testid': 'seerr-discover-row' } }, [
                    el('strong', { text: row.UserName || 'Everyone' }),
                    el('span', { text: ' \u2014 ' + title + ' \u2014 ' + row.Reason + (row.Requested ? ' \u2014 requested: ' + row.Requested : '') })
                ]);
            }));
        } catch (error) {
            list.replaceChildren();
            note.textContent = 'Could not load Discover across users: ' + await errorText(error);
        }
    }

    // ---- Top Picks (MDBList) ----
    // The chosen lists are edited here and saved together; a poll never overwrites unsaved changes.

    const picks = {
        body: view.querySelector('#apertureTopPicksLists'),
        error: view.querySelector('#apertureTopPicksError'),
        kind: view.querySelector('#apertureTopPicksKind'),
        source: view.querySelector('#apertureTopPicksSource'),
        query: view.querySelector('#apertureTopPicksQuery'),
        findButton: view.querySelector('#apertureTopPicksFind'),
        found: view.querySelector('#apertureTopPicksFound'),
        sort: view.querySelector('#apertureTopPicksSort'),
        genre: view.querySelector('#apertureTopPicksGenre'),
        max: view.querySelector('#apertureTopPicksMax'),
        previewButton: view.querySelector('#apertureTopPicksPreviewButton'),
        addButton: view.querySelector('#apertureTopPicksAdd'),
        preview: view.querySelector('#apertureTopPicksPreview'),
        pattern: view.querySelector('#apertureTopPicksPattern'),
        saveError: view.querySelector('#apertureTopPicksSaveError'),
        saved: view.querySelector('#apertureTopPicksSaved'),
        saveButton: view.querySelector('#apertureTopPicksSave'),
        runButton: view.querySelector('#apertureTopPicksRun'),
        runState: view.querySelector('#apertureTopPicksRunState'),
        lists: [],
        results: [],
        dirty: false,
        busy: false
    };

    function pickKindLabel(kind) {
        return kind === 'show' ? 'Series' : 'Movies';
    }

    function pickOptionsText(list) {
        const parts = ['up to ' + formatNumber(list.MaxItems)];
        if (list.Sort) {
            parts.push('by ' + list.Sort);
        }

        if (list.Genre) {
            parts.push('genre ' + list.Genre);
        }

        return parts.join(', ');
    }

    function renderPicks() {
        const rows = picks.lists.map(function (list, index) {
            const remove = el('button', { is: 'emby-button', className: 'raised', text: 'Remove', attrs: { type: 'button', 'data-testid': 'toppicks-remove' } });
            remove.addEventListener('click', function () {
                picks.lists.splice(index, 1);
                picks.dirty = true;
                picks.saved.textContent = '';
                renderPicks();
            });
            const last = list.LastRunAt
                ? [el('div', { text: list.LastSummary || '' }), el('div', { className: 'apertureMeta', text: formatDate(list.LastRunAt) })]
                : [el('span', { className: 'apertureEmpty', text: picks.dirty ? 'Not saved yet' : 'Not synced yet' })];
            return el('tr', { attrs: { 'data-testid': 'toppicks-row' } }, [
                el('td', { text: pickKindLabel(list.Kind) }),
                el('td', {}, [el('div', { text: list.Name }), el('div', { className: 'apertureMeta', text: 'MDBList list ' + list.ListId })]),
                el('td', { text: pickOptionsText(list) }),
                el('td', {}, last),
                el('td', {}, [remove])
            ]);
        });
        if (!rows.length) {
            rows.push(el('tr', {}, [el('td', { className: 'apertureEmpty', text: 'No lists chosen yet.', attrs: { colspan: '5' } })]));
        }

        picks.body.replaceChildren.apply(picks.body, rows);
    }

    async function refreshTopPicks() {
        if (picks.busy) {
            return;
        }

        try {
            const state = await api('GET', 'Aperture/TopPicks');
            picks.error.textContent = '';
            if (!picks.dirty) {
                picks.lists = state.Lists || [];
                if (document.activeElement !== picks.pattern) {
                    picks.pattern.value = state.NamePattern || '';
                }

                renderPicks();
            }
        } catch (error) {
            picks.error.textContent = 'Could not load Top Picks: ' + await errorText(error);
        }
    }

    function chosenFound() {
        const index = parseInt(picks.found.value, 10);
        return isNaN(index) ? null : picks.results[index] || null;
    }

    function pickFromForm() {
        const list = chosenFound();
        const max = parseInt(picks.max.value, 10);
        return list && {
            ListId: list.Id,
            Kind: picks.kind.value,
            Name: list.Name,
            Sort: picks.sort.value || null,
            Genre: picks.genre.value.trim() || null,
            MaxItems: isNaN(max) ? 100 : max
        };
    }

    function updatePickButtons() {
        const hasList = chosenFound() !== null;
        picks.previewButton.disabled = picks.busy || !hasList;
        picks.addButton.disabled = picks.busy || !hasList;
        picks.findButton.disabled = picks.busy;
        picks.saveButton.disabled = picks.busy;
    }

    async function findLists() {
        picks.busy = true;
        updatePickButtons();
        picks.preview.className = 'apertureResult';
        picks.preview.textContent = 'Asking MDBList\u2026';
        try {
            const source = picks.source.value;
            const text = picks.query.value.trim();
            const found = source === 'paste'
                ? [await api('GET', 'Aperture/TopPicks/List?reference=' + encodeURIComponent(text))]
                : await api('GET', 'Aperture/TopPicks/Lists?source=' + encodeURIComponent(source) + '&kind=' + encodeURIComponent(picks.kind.value) + '&query=' + encodeURIComponent(text));
            picks.results = found || [];
            const options = picks.results.map(function (list, index) {
                const facts = [];
                if (typeof list.Items === 'number') {
                    facts.push(formatNumber(list.Items) + ' titles');
                }

                if (list.Owner) {
                    facts.push('by ' + list.Owner);
                }

                return el('option', { text: list.Name + (facts.length ? ' (' + facts.join(', ') + ')' : ''), attrs: { value: String(index) } });
            });
            picks.found.replaceChildren.apply(picks.found, options);
            picks.preview.textContent = options.length ? '' : 'MDBList found no lists for that.';
        } catch (error) {
            picks.results = [];
            picks.found.replaceChildren();
            picks.preview.className = 'apertureResult apertureResult-error';
            picks.preview.textContent = await errorText(error);
        } finally {
            picks.busy = false;
            updatePickButtons();
        }
    }

    async function previewPick() {
        const pick = pickFromForm();
        if (!pick) {
            return;
        }

        picks.busy = true;
        updatePickButtons();
        picks.preview.className = 'apertureResult';
        picks.preview.textContent = 'Reading the list\u2026';
        try {
            const result = await api('POST', 'Aperture/TopPicks/Preview', pick);
            const missing = (result.Missing || []).map(function (title) {
                return title.Title + (title.Year ? ' (' + title.Year + ')' : '');
            });
            picks.preview.className = 'apertureResult apertureResult-success';
            picks.preview.textContent = pick.Name + ': ' + formatNumber(result.Size) + ' titles, ' + formatNumber(result.InLibrary)
                + ' in your library (the collection would hold ' + formatNumber(result.Members) + '), ' + formatNumber(result.MissingCount)
                + ' missing' + (missing.length ? ': ' + missing.join(', ') + (result.MissingCount > missing.length ? ', \u2026' : '') : '') + '.';
        } catch (error) {
            picks.preview.className = 'apertureResult apertureResult-error';
            picks.preview.textContent = await errorText(error);
        } finally {
            picks.busy = false;
            updatePickButtons();
        }
    }

    function addPick() {
        const pick = pickFromForm();
        if (!pick) {
            return;
        }

        picks.lists = picks.lists.filter(function (list) {
            return list.ListId !== pick.ListId;
        }).concat([pick]);
        picks.dirty = true;
        picks.saved.textContent = '';
        picks.preview.className = 'apertureResult';
        picks.preview.textContent = pick.Name + ' is added; Save to keep it.';
        renderPicks();
    }

    async function saveTopPicks() {
        picks.busy = true;
        updatePickButtons();
        picks.saveError.textContent = '';
        picks.saved.textContent = '';
        try {
            const body = {
                NamePattern: picks.pattern.value.trim() || null,
                Lists: picks.lists.map(function (list) {
                    return { ListId: list.ListId, Kind: list.Kind, Name: list.Name, Sort: list.Sort || null, Genre: list.Genre || null, MaxItems: list.MaxItems };
                })
            };
            const state = await api('POST', 'Aperture/TopPicks', body);
            picks.dirty = false;
            picks.lists = state.Lists || [];
            picks.pattern.value = state.NamePattern || '';
            picks.saved.textContent = 'Saved. The next sync (daily, or Run now) makes the collections.';
            renderPicks();
        } catch (error) {
            // Nothing was saved; the edits stay on the page to fix.
            picks.saveError.textContent = 'Not saved: ' + await errorText(error);
        } finally {
            picks.busy = false;
            updatePickButtons();
        }
    }

    async function runTopPicks() {
        picks.runButton.disabled = true;
        try {
            await api('POST', 'Aperture/TopPicks/Run', undefined, false);
            picks.runState.textContent = 'Started; each list\u2019s last sync shows here when it is done.';
        } catch (error) {
            picks.runState.textContent = 'Not started: ' + await errorText(error);
        } finally {
            picks.runButton.disabled = false;
        }
    }

    picks.findButton.addEventListener('click', findLists);
    picks.previewButton.addEventListener('click', previewPick);
    picks.addButton.addEventListener('click', addPick);
    picks.saveButton.addEventListener('click', saveTopPicks);
    picks.runButton.addEventListener('click', runTopPicks);
    picks.found.addEventListener('change', updatePickButtons);
    picks.kind.addEventListener('change', function () {
        picks.results = [];
        picks.found.replaceChildren();
        updatePickButtons();
    });
    picks.pattern.addEventListener('input', function () {
        picks.dirty = true;
    });

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
            // The enrichment section loads on its own, so a failure there never hides the integration cards.
            const deadline = Math.max(10000, 2 * pollMilliseconds());

            // refreshEnrichment and refreshUsers show their own errors; a stalled one only must not hold up the next poll.
            const enrichment = withDeadline(refreshEnrichment(), deadline).catch(function () {});
            const userLinks = withDeadline(refreshUsers(), deadline).catch(function () {});
            const topPicks = withDeadline(refreshTopPicks(), deadline).catch(function () {});
            try {
                const results = await withDeadline(Promise.all([api('GET', 'Aperture/Integrations'), api('GET', 'Aperture/Alerts')]), deadline);
                showLoadError('');
                renderIntegrations(results[0]);
                renderAlerts(results[1]);
            } catch (error) {
                showLoadError('Could not load Aperture\u2019s integrations: ' + await errorText(error));
            }

            await enrichment;
            await userLinks;
            await topPicks;
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
        let detachedSince = null;
        timer = setInterval(function () {
            if (!shown) {
                stopPolling();
                return;
            }

            // jellyfin-web may take the view out of the document and put it back (a re-render) without a new
            // viewshow: skip those ticks, and stop only once the view has stayed away for a minute.
            if (!view.isConnected) {
                detachedSince = detachedSince || Date.now();
                if (Date.now() - detachedSince > 60000) {
                    stopPolling();
                }

                return;
            }

            detachedSince = null;
            refresh(false);
        }, pollMilliseconds());
    }

    view.addEventListener('viewshow', function () {
        shown = true;
        refresh(true);
        refreshSeerrUsers();
        refreshSeerrDiscover();
        startPolling();
    });
    view.addEventListener('viewhide', function () {
        shown = false;
        stopPolling();
        stopFollowUp();
    });
    view.addEventListener('viewdestroy', function () {
        shown = false;
        stopPolling();
        stopFollowUp();
    });
}
