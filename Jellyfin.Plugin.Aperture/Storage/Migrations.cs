using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Storage;

/// <summary>
/// The database schema, as an append-only list of migrations. Never edit a shipped migration; add a new one.
/// Versions 1–3 are the first sequential ones; later features take spaced numbers (e.g. 93 for issue 9 point 3)
/// so branches developed side by side never claim the same number, and each applied version is recorded on its
/// own, so a lower number merged after a higher one still runs.
/// </summary>
internal static class Migrations
{
    /// <summary>The last version of the first scheme, which stamped only the highest applied version.</summary>
    public const int LastSequentialVersion = 3;

    /// <summary>Gets every migration in the order it is applied (ascending version).</summary>
    public static IReadOnlyList<Migration> All { get; } = new Migration[]
    {
        // 1: encrypted credentials, quota ledgers, integration health and alerts.
        new(1, """
        CREATE TABLE credentials (
            service TEXT NOT NULL,
            field TEXT NOT NULL,
            ciphertext TEXT NOT NULL,
            mask TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (service, field)
        );
        CREATE TABLE quota_ledger (
            service TEXT NOT NULL,
            day TEXT NOT NULL,
            used INTEGER NOT NULL,
            quota_limit INTEGER,
            reset_at TEXT,
            PRIMARY KEY (service, day)
        );
        CREATE TABLE integration_health (
            service TEXT PRIMARY KEY,
            last_success_at TEXT,
            last_error_at TEXT,
            last_error TEXT,
            last_test_at TEXT,
            last_test_ok INTEGER,
            detail TEXT
        );
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            service TEXT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            action TEXT NOT NULL,
            count INTEGER NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            reset_at TEXT,
            resolved_at TEXT,
            resolution TEXT
        );
        CREATE UNIQUE INDEX alerts_one_open ON alerts (service, kind) WHERE resolved_at IS NULL
        """),

        // 2: per-item, per-service enrichment state and payloads, and the enrichment run log.
        new(2, """
        CREATE TABLE enrichment (
            item_id TEXT NOT NULL,
            service TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            fetched_at TEXT,
            next_due_at TEXT NOT NULL,
            message TEXT,
            payload TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (item_id, service)
        );
        CREATE INDEX enrichment_due ON enrichment (service, next_due_at);
        CREATE TABLE enrichment_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            summary TEXT
        )
        """),

        // 3: items a library scan found new or stale; the post-scan step enriches them in the background, so the
        // scan itself never waits on a service.
        new(3, """
        CREATE TABLE enrichment_queue (
            item_id TEXT PRIMARY KEY,
            queued_at TEXT NOT NULL
        )
        """),

        // 4: each Jellyfin user's Trakt link (tokens as ciphertext only) and the device code of a link in progress.
        // A row without tokens but with needs_relink_at is a user Trakt stopped accepting: kept so the user and the
        // admin see "link again".
        new(4, """
        CREATE TABLE trakt_accounts (
            user_id TEXT PRIMARY KEY,
            access_token TEXT,
            refresh_token TEXT,
            issued_at TEXT,
            expires_at TEXT,
            linked_at TEXT,
            needs_relink_at TEXT,
            relink_reason TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE trakt_device_codes (
            user_id TEXT PRIMARY KEY,
            device_code TEXT NOT NULL,
            user_code TEXT NOT NULL,
            verification_url TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            interval_seconds INTEGER NOT NULL,
            next_poll_at TEXT NOT NULL
        )
        """),

        // 93 (issue 9 point 3): per-user Trakt rating sync: the last agreed snapshot, the pushes Trakt has not
        // acknowledged yet, the ratings of titles Trakt does not know (not sent again until they change), and the
        // last_activities mark that lets a sync skip the pull.
        new(93, """
        CREATE TABLE trakt_rating_snapshot (
            user_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),
            PRIMARY KEY (user_id, item_key)
        );
        CREATE TABLE trakt_rating_pending (
            user_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            rating INTEGER CHECK (rating BETWEEN 1 AND 10),
            changed_at TEXT,
            attempts INTEGER NOT NULL,
            last_error TEXT,
            PRIMARY KEY (user_id, item_key)
        );
        CREATE TABLE trakt_rating_unknown (
            user_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            rating INTEGER NOT NULL,
            PRIMARY KEY (user_id, item_key)
        );
        CREATE TABLE trakt_rating_state (
            user_id TEXT PRIMARY KEY,
            activity TEXT,
            synced_at TEXT NOT NULL
        )
        """),

        // Aperture's record of when a user's Jellyfin rating last changed (Jellyfin keeps no such time): the value
        // seen then, on Trakt's scale (null = unrated), so a later save that leaves the rating alone is not a change.
        new(94, """
        CREATE TABLE trakt_rating_local (
            user_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            rating INTEGER CHECK (rating BETWEEN 1 AND 10),
            changed_at TEXT NOT NULL,
            PRIMARY KEY (user_id, item_id)
        )
        """),

        // 95 (shared by the watchlist, suggestions, Top Picks and Discovery): titles a source wants that the library
        // lacks, per list and per user ('' = server-wide), in the source's order.
        new(95, """
        CREATE TABLE missing_titles (
            source TEXT NOT NULL,
            list TEXT NOT NULL,
            user_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            year INTEGER,
            imdb TEXT,
            tmdb INTEGER,
            tvdb INTEGER,
            rank INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (source, list, user_id, position)
        );
        CREATE INDEX missing_titles_user ON missing_titles (user_id)
        """),

        // 96 (issue 9 point 2): the last run of each Trakt feature per user, shown on the user page and to the admin.
        new(96, """
        CREATE TABLE trakt_sync_runs (
            user_id TEXT NOT NULL,
            feature TEXT NOT NULL,
            ran_at TEXT NOT NULL,
            succeeded INTEGER NOT NULL,
            summary TEXT NOT NULL,
            PRIMARY KEY (user_id, feature)
        )
        """),

        // 941 (issue 9 point 4): per-user Trakt watchlist sync: the titles both sides last agreed on, titles Trakt
        // does not know (not sent again), the watchlisted_at mark that lets a sync skip the pull, the watchlist's
        // size on Trakt and why adds are held back (account limit); and the playlists Aperture made per user and
        // feature, found again by id so a rename does not make a second one.
        new(941, """
        CREATE TABLE trakt_watchlist_snapshot (
            user_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            PRIMARY KEY (user_id, item_key)
        );
        CREATE TABLE trakt_watchlist_unknown (
            user_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            PRIMARY KEY (user_id, item_key)
        );
        CREATE TABLE trakt_watchlist_state (
            user_id TEXT PRIMARY KEY,
            activity TEXT,
            trakt_count INTEGER NOT NULL,
            held_reason TEXT,
            synced_at TEXT NOT NULL
        );
        CREATE TABLE trakt_playlists (
            user_id TEXT NOT NULL,
            feature TEXT NOT NULL,
            playlist_id TEXT NOT NULL,
            PRIMARY KEY (user_id, feature)
        )
        """),

        // 961 (issue 9 point 6): an alert can be about one account of a service (a Trakt user over a limit), so one
        // open alert per service, kind and scope ('' = the service as a whole).
        new(961, """
        ALTER TABLE alerts ADD COLUMN scope TEXT NOT NULL DEFAULT '';
        DROP INDEX alerts_one_open;
        CREATE UNIQUE INDEX alerts_one_open_scope ON alerts (service, kind, scope) WHERE resolved_at IS NULL
        """),

        // 1001 (issue 10): MDBList Top Picks: the chosen lists and the collection name pattern, each list's collection
        // and last run, and the members Aperture added (members an admin added by hand are never removed).
        new(1001, """
        CREATE TABLE top_picks_lists (
            list_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            sort TEXT,
            genre TEXT,
            max_items INTEGER NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE top_picks_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name_pattern TEXT NOT NULL
        );
        CREATE TABLE top_picks_state (
            list_id TEXT PRIMARY KEY,
            collection_id TEXT,
            last_run_at TEXT,
            last_ok INTEGER,
            last_summary TEXT,
            last_good_at TEXT,
            list_size INTEGER,
            requests INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE top_picks_members (
            list_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            PRIMARY KEY (list_id, item_id)
        )
        """),

        // 1101 (issue 11): AI picks. Title embeddings per model as 8-bit vectors with a scale, kept with the hash of the
        // text they came from (re-embedded only when it changes); the model picks read while a new one fills in; each
        // user's last picks with their reasons, the titles they hid, and their picks playlist and last refresh.
        new(1101, """
        CREATE TABLE ai_embeddings (
            item_id TEXT NOT NULL,
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            scale REAL NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model, item_id)
        );
        CREATE TABLE ai_embedding_model (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            active_model TEXT NOT NULL
        );
        CREATE TABLE ai_picks (
            user_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            name TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (user_id, position)
        );
        CREATE TABLE ai_hidden (
            user_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            hidden_at TEXT NOT NULL,
            PRIMARY KEY (user_id, item_id)
        );
        CREATE TABLE ai_picks_state (
            user_id TEXT PRIMARY KEY,
            playlist_id TEXT,
            source TEXT NOT NULL,
            message TEXT NOT NULL,
            refreshed_at TEXT NOT NULL
        )
        """),

        // 1102 (issue 11 point 4): tokens AI-written reasons used per UTC day, against their daily budget.
        new(1102, """
        CREATE TABLE ai_reason_tokens (
            day TEXT PRIMARY KEY,
            tokens INTEGER NOT NULL
        )
        """),

        // 1103 (issue 11 point 4): titles AI mood tags were written for, with the hash of the text the moods came
        // from (a changed overview tags the title again) and the moods written (replaced then, nothing else).
        new(1103, """
        CREATE TABLE ai_mood_tags (
            item_id TEXT PRIMARY KEY,
            text_hash TEXT NOT NULL,
            moods TEXT NOT NULL
        )
        """),

        // 1201 (issue 12 point 2): the admin's choice of Seerr user per Jellyfin user (0 = none), overriding the
        // automatic match.
        new(1201, """
        CREATE TABLE seerr_user_choices (
            jellyfin_user_id TEXT PRIMARY KEY,
            seerr_user_id INTEGER NOT NULL
        )
        """),

        // 1202 (issue 12 point 5): requests made through Discover, refreshed until the title is in the library.
        new(1202, """
        CREATE TABLE seerr_requests (
            user_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            tmdb INTEGER NOT NULL,
            title TEXT NOT NULL,
            seerr_user_id INTEGER NOT NULL,
            requested_at TEXT NOT NULL,
            status TEXT,
            checked_at TEXT,
            done_at TEXT,
            PRIMARY KEY (user_id, kind, tmdb)
        )
        """),
    };
}
