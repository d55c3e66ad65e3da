namespace Freight.TestUtils;

/// <summary>Protocol served by a <see cref="ScriptedServer"/> endpoint (always cleartext).</summary>
public enum ServerProtocol
{
    /// <summary>HTTP/1.1 only.</summary>
    Http1,

    /// <summary>HTTP/2 only, with prior knowledge (h2c); clients must request version 2.0 exactly.</summary>
    Http2,
}
