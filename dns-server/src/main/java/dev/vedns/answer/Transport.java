package dev.vedns.answer;

/** How a query arrived; decides the size an answer may have before it must be truncated. */
public enum Transport {
    UDP,
    TCP
}
