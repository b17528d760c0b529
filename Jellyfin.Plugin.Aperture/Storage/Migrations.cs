using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Storage;

/// <summary>
/// The database schema, as an append-only list of migrations. Never edit a shipped migration; add a new one.
/// </summary>
internal static class Migrations
{
    /// <summary>Gets every migration in order; migration N brings the schema to version N.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        // 1: encrypted credentials, quota ledgers, integration health and alerts.
        """
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
        """,

        // 2: per-item, per-service enrichment state and payloads, and the enrichment run log.
        """
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
        """,

        // 3: items a library scan found new or stale; the post-scan step enriches them in the background, so the
        // scan itself never waits on a service.
        """
        CREATE TABLE enrichment_queue (
            item_id TEXT PRIMARY KEY,
            queued_at TEXT NOT NULL
        )
        """,

        // 4: each Jellyfin user's Trakt link (tokens as ciphertext only) and the device code of a link in progress.
        // A row without tokens but with needs_relink_at is a user Trakt stopped accepting: kept so the user and the
        // admin see "link again".
        """
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
        """,
    };
}
