using System;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture.DevHost.Jellyfin;

/// <summary>
/// Jellyfin-style authentication for the dev host: the scheme is named "CustomAuthentication" as in Jellyfin,
/// and one random admin token (made at start) is accepted from <c>X-Emby-Authorization</c>/<c>Authorization</c>
/// (<c>MediaBrowser … Token="…"</c>) or <c>X-Emby-Token</c>.
/// </summary>
public sealed partial class DevAuthenticationHandler : AuthenticationHandler<DevAuthenticationOptions>
{
    /// <summary>The scheme name Jellyfin uses.</summary>
    public const string SchemeName = "CustomAuthentication";

    /// <summary>The role Jellyfin's RequiresElevation policy requires.</summary>
    public const string AdministratorRole = "Administrator";

    /// <summary>The dev admin's user id claim (Jellyfin's "Jellyfin-UserId").</summary>
    public static readonly Guid DevAdminId = new("a9e5f2d0-0000-4000-8000-00000000dead");

    public DevAuthenticationHandler(IOptionsMonitor<DevAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = Encoding.UTF8.GetBytes(Options.AdminToken);
        var given = Encoding.UTF8.GetBytes(token);
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid token."));
        }

        var identity = new ClaimsIdentity(
            new[]
            {
                new Claim(ClaimTypes.Name, "dev-admin"),
                new Claim(ClaimTypes.Role, AdministratorRole),
                new Claim("Jellyfin-UserId", DevAdminId.ToString("N")),
            },
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private string? ReadToken()
    {
        foreach (var header in new[] { "X-Emby-Authorization", "Authorization" })
        {
            var value = Request.Headers[header].ToString();
            if (value.Length > 0)
            {
                var match = TokenPattern().Match(value);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }
        }

        var direct = Request.Headers["X-Emby-Token"].ToString();
        return direct.Length > 0 ? direct : null;
    }

    [GeneratedRegex("Token=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
