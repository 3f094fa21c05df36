package org.umbrella.server.access.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.app.DomainError;

/**
 * The relying party of an OpenID Connect sign-in: authorization code flow with PKCE (S256), a fresh
 * {@code state} and {@code nonce} per sign-in, the code exchanged at the token endpoint with the
 * client secret (HTTP Basic), and the ID token validated before anyone is signed in.
 *
 * <p>The ID token must be signed with RS256 (which OpenID Connect Core §15.1 requires every
 * provider to support) by a key in the provider's JWKS, name the configured issuer in {@code iss}
 * and this client in {@code aud}, not be expired (60 s clock skew), and carry the nonce of the
 * sign-in it answers. The provider is discovered on first use ({@code
 * /.well-known/openid-configuration}, whose {@code issuer} must equal the configured one) and
 * remembered; if it cannot be reached, sign-in fails with 503 and discovery is tried again next
 * time. Thread-safe.
 */
public final class OidcClient {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 10_000;

  /**
   * A started sign-in: send the browser to {@code authorizationUri}, and give it {@code
   * browserBinding} in a cookie.
   */
  public record Start(URI authorizationUri, String browserBinding) {}

  private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  private final OidcConfig config;
  private final PendingLogins pending;
  private volatile @Nullable Provider provider; // discovered on first use

  public OidcClient(OidcConfig config, Clock clock) {
    this.config = config;
    this.pending = new PendingLogins(clock);
  }

  public OidcConfig config() {
    return config;
  }

  /**
   * Starts a sign-in: a new state, nonce and PKCE verifier, remembered for {@link
   * PendingLogins#LIFETIME}, and the provider's authorization URL carrying the state, the nonce and
   * the S256 code challenge.
   *
   * @throws DomainError 503 when the provider cannot be discovered or too many sign-ins are under
   *     way
   */
  public Start begin() {
    Provider p = provider();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    String binding = Secrets.random("");
    if (!pending.put(state.getValue(), nonce.getValue(), verifier.getValue(), binding)) {
      throw new DomainError.Unavailable(
          DomainError.Unavailable.Dependency.SIGN_IN_CAPACITY,
          "too many sign-ins are under way; try again in a few minutes",
          60);
    }
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope("openid", "email"),
                new ClientID(config.clientId()),
                config.redirectUri())
            .endpointURI(p.metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build();
    return new Start(request.toURI(), binding);
  }

  /**
   * Finishes a sign-in from the provider's redirect: the state must be one this server issued to
   * this browser ({@code browserBinding}), unused and unexpired; the code is exchanged with the
   * PKCE verifier; the ID token is validated. The pending sign-in is used up whatever the outcome.
   *
   * @param query the callback's query parameters
   * @throws DomainError 400 for an unknown, reused, expired or foreign state; 401 when the provider
   *     refused or its ID token is invalid; 502 when the token exchange fails; 503 when the
   *     provider cannot be discovered
   */
  public OidcIdentity complete(Map<String, List<String>> query, @Nullable String browserBinding) {
    return completeWithToken(query, browserBinding).identity();
  }

  /** A completed sign-in: who, and the ID token that says so (for RP-initiated logout). */
  public record SignedIn(OidcIdentity identity, String idToken) {
    @Override
    public String toString() {
      return "SignedIn[" + identity + "]"; // the ID token stays out of logs
    }
  }

  /** As {@link #complete}, also answering the validated ID token as the provider issued it. */
  public SignedIn completeWithToken(
      Map<String, List<String>> query, @Nullable String browserBinding) {
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(config.redirectUri(), query);
    } catch (ParseException e) {
      throw new DomainError.SignInRefused(
          DomainError.SignInRefused.Reason.MALFORMED_ANSWER,
          null,
          "the sign-in answer is malformed: " + e.getMessage());
    }
    String state = response.getState() == null ? null : response.getState().getValue();
    Optional<PendingLogins.Pending> started = pending.take(state, browserBinding);
    if (started.isEmpty()) {
      throw new DomainError.SignInRefused(
          DomainError.SignInRefused.Reason.STATE,
          "state",
          "this sign-in was not started in this browser, was already used, or has expired; please start again");
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw new DomainError.SignInRefused(
          DomainError.SignInRefused.Reason.DENIED,
          null,
          "the identity provider did not sign you in (" + error.getCode() + ")");
    }
    AuthenticationSuccessResponse success = response.toSuccessResponse();
    Provider p = provider();
    if (success.getIssuer() != null && !success.getIssuer().equals(p.metadata().getIssuer())) {
      // RFC 9207: an answer naming another issuer is a mix-up attempt
      throw new DomainError.SignInRefused(
          DomainError.SignInRefused.Reason.ISSUER,
          "iss",
          "the sign-in answer comes from another identity provider");
    }
    AuthorizationCode code = success.getAuthorizationCode();
    if (code == null) {
      throw new DomainError.SignInRefused(
          DomainError.SignInRefused.Reason.MALFORMED_ANSWER,
          "code",
          "the sign-in answer carries no authorization code");
    }
    JWT idToken = exchange(p, code, new CodeVerifier(started.get().codeVerifier()));
    IDTokenClaimsSet claims;
    try {
      claims = p.validator().validate(idToken, new Nonce(started.get().nonce()));
    } catch (BadJOSEException | JOSEException e) {
      throw new DomainError.SignInRefused(
          DomainError.SignInRefused.Reason.ID_TOKEN,
          null,
          "the identity provider's ID token was rejected: " + e.getMessage());
    }
    Object email = claims.getClaim("email");
    Boolean verified = claims.getBooleanClaim("email_verified");
    return new SignedIn(
        new OidcIdentity(
            claims.getIssuer().getValue(),
            claims.getSubject().getValue(),
            email instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty(),
            Boolean.TRUE.equals(verified)),
        idToken.serialize());
  }

  /**
   * The provider's {@code end_session_endpoint}, if its discovery document advertises one.
   *
   * @throws DomainError 503 when the provider cannot be discovered
   */
  public Optional<URI> endSessionEndpoint() {
    return Optional.ofNullable(provider().metadata().getEndSessionEndpointURI());
  }

  private JWT exchange(Provider p, AuthorizationCode code, CodeVerifier verifier) {
    TokenRequest request =
        new TokenRequest.Builder(
                p.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(
                    new ClientID(config.clientId()), new Secret(config.clientSecret())),
                new AuthorizationCodeGrant(code, config.redirectUri(), verifier))
            .build();
    TokenResponse response;
    try {
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout(CONNECT_TIMEOUT_MS);
      http.setReadTimeout(READ_TIMEOUT_MS);
      response = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException | ParseException e) {
      throw new DomainError.Unavailable(
          DomainError.Unavailable.Dependency.IDENTITY_PROVIDER_FAILED,
          "the identity provider's token endpoint failed: " + e.getMessage(),
          60);
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw new DomainError.SignInRefused(
          DomainError.SignInRefused.Reason.DENIED,
          null,
          "the identity provider refused the sign-in code (" + error.getCode() + ")");
    }
    if (!(response.toSuccessResponse() instanceof OIDCTokenResponse oidc)
        || oidc.getOIDCTokens().getIDToken() == null) {
      throw new DomainError.Unavailable(
          DomainError.Unavailable.Dependency.IDENTITY_PROVIDER_FAILED,
          "the identity provider returned no ID token",
          60);
    }
    return oidc.getOIDCTokens().getIDToken();
  }

  private Provider provider() {
    Provider p = provider;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      p = provider;
      if (p == null) {
        try {
          Issuer issuer = new Issuer(config.issuer());
          OIDCProviderMetadata metadata =
              OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
          IDTokenValidator validator =
              new IDTokenValidator(
                  metadata.getIssuer(),
                  new ClientID(config.clientId()),
                  JWSAlgorithm.RS256,
                  metadata.getJWKSetURI().toURL());
          p = new Provider(metadata, validator);
          provider = p;
        } catch (GeneralException | IOException | IllegalArgumentException e) {
          throw new DomainError.Unavailable(
              DomainError.Unavailable.Dependency.IDENTITY_PROVIDER,
              "the identity provider " + config.issuer() + " cannot be reached: " + e.getMessage(),
              60);
        }
      }
      return p;
    }
  }
}
