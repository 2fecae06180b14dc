package dev.vedns.routing;

/** Which servers of its set a custom endpoint may answer: replicas only, or the primary too. */
public enum CustomEndpointType {
    Reader,
    Any
}
