package io.cexsafe.por.internal;

import java.io.InterruptedIOException;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Checks OKX v2 node hashes on a thread of its own while the tree walk reads on: the walk copies
 * each node's preimage and printed hash into a batch, and hands full batches over. It only answers
 * whether every node matched, which is all the fast pass needs; the exact pass explains failures.
 *
 * <p>Memory is a few fixed batches, whatever the tree's size.
 */
final class NodeHashChecker implements AutoCloseable {
  private static final int BATCHES = 4;
  private static final int BATCH_BYTES = 1 << 16;
  private static final int HASH = 64;

  /** Layout of a job: flags, tail length (2 bytes), R ‖ L ‖ tail (the preimage), printed hash. */
  private static final int HEADER = 3;

  private static final int LEAF_CHILDREN = 1;

  private static final Batch STOP = new Batch();

  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread worker;
  private Batch current;
  private volatile boolean mismatch;
  private volatile Throwable crash;

  private static final class Batch {
    final byte[] bytes = new byte[BATCH_BYTES];
    int length;
  }

  // A class, not a method reference: the launcher's class-data archive is trained on a tree too
  // small for this thread, so a lambda's class was generated on every run that checks in parallel
  // (and the JDK's class generator started with it).
  private static final class Work implements Runnable {
    private final NodeHashChecker checker;

    Work(NodeHashChecker checker) {
      this.checker = checker;
    }

    @Override
    public void run() {
      checker.work();
    }
  }

  NodeHashChecker() {
    for (int i = 0; i < BATCHES - 1; i++) {
      free.add(new Batch());
    }
    current = new Batch();
    worker = new Thread(new Work(this), "cexsafe-okx-node-hashes");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Queues the check that {@code parent}'s hash is {@code sha256hex(L ‖ R ‖ parent's tail)} with
   * its children in either order, and, when they are leaves, that their hashes are lower-case hex.
   * Returns false once a mismatch has been found, so the walk can stop early.
   */
  boolean add(OkxTreeLine parent, OkxTreeLine first, OkxTreeLine second, boolean leafChildren)
      throws InterruptedIOException {
    int tail = parent.tailLength;
    int size = HEADER + 2 * HASH + tail + HASH;
    if (current.length + size > BATCH_BYTES && !handOver()) {
      return false;
    }
    byte[] bytes = current.bytes;
    int at = current.length;
    bytes[at] = (byte) (leafChildren ? LEAF_CHILDREN : 0);
    bytes[at + 1] = (byte) tail;
    bytes[at + 2] = (byte) (tail >>> 8);
    at += HEADER;
    // OKX lists pairs right to left, so the second line of a pair is usually the left child
    System.arraycopy(second.bytes, second.start, bytes, at, HASH);
    System.arraycopy(first.bytes, first.start, bytes, at + HASH, HASH);
    System.arraycopy(parent.tail, 0, bytes, at + 2 * HASH, tail);
    System.arraycopy(parent.bytes, parent.start, bytes, at + 2 * HASH + tail, HASH);
    current.length = at + 2 * HASH + tail + HASH;
    return !mismatch;
  }

  /** Waits for every queued check; whether all of them matched. */
  boolean allMatch() throws InterruptedIOException {
    if (current.length > 0) {
      handOver();
    }
    put(STOP);
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checking node hashes");
    }
    if (crash != null) {
      throw new IllegalStateException("checking node hashes failed", crash);
    }
    return !mismatch;
  }

  private boolean handOver() throws InterruptedIOException {
    put(current);
    try {
      current = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checking node hashes");
    }
    current.length = 0;
    return !mismatch;
  }

  private void put(Batch batch) throws InterruptedIOException {
    try {
      full.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checking node hashes");
    }
  }

  private void work() {
    MessageDigest sha256 = Digests.sha256();
    byte[] digest = new byte[32];
    try {
      while (true) {
        Batch batch = full.take();
        if (batch == STOP) {
          return;
        }
        if (!mismatch && !checkAll(batch, sha256, digest)) {
          mismatch = true;
        }
        free.put(batch);
      }
    } catch (InterruptedException e) {
      mismatch = true;
    } catch (RuntimeException | Error e) {
      crash = e;
      mismatch = true;
      // the walk may be waiting for a free batch
      free.offer(new Batch());
    }
  }

  private static boolean checkAll(Batch batch, MessageDigest sha256, byte[] digest) {
    byte[] bytes = batch.bytes;
    int at = 0;
    try {
      while (at < batch.length) {
        boolean leafChildren = (bytes[at] & LEAF_CHILDREN) != 0;
        int tail = (bytes[at + 1] & 0xff) | (bytes[at + 2] & 0xff) << 8;
        int preimage = at + HEADER;
        int printed = preimage + 2 * HASH + tail;
        if (leafChildren && !Swar.isLowerHex(bytes, preimage, 2 * HASH)) {
          return false;
        }
        sha256.update(bytes, preimage, 2 * HASH + tail);
        sha256.digest(digest, 0, 32);
        if (!Swar.isHexOf(digest, bytes, printed)) {
          sha256.update(bytes, preimage + HASH, HASH);
          sha256.update(bytes, preimage, HASH);
          sha256.update(bytes, preimage + 2 * HASH, tail);
          sha256.digest(digest, 0, 32);
          if (!Swar.isHexOf(digest, bytes, printed)) {
            return false;
          }
        }
        at = printed + HASH;
      }
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    return true;
  }

  /** Stops the worker without waiting for the queued checks, when the walk gives up. */
  @Override
  public void close() {
    worker.interrupt();
  }
}
