package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.SourceException;
import io.cexsafe.http.BodyReader;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.http.HttpFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers by URL path, as a server would, and records what was asked for. */
final class FakeHttp implements HttpFetcher {
  /** One canned answer: a status, a content type and a body, or a failure to throw. */
  record Answer(int status, String contentType, String body, SourceException failure) {
    static Answer json(String body) {
      return new Answer(200, "application/json", body, null);
    }

    static Answer status(int status, String body) {
      return new Answer(status, "text/plain", body, null);
    }

    static Answer failing(SourceException failure) {
      return new Answer(0, null, null, failure);
    }
  }

  final Map<String, Answer> answers = new LinkedHashMap<>();
  final List<String> asked = new ArrayList<>();

  FakeHttp answer(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  private Answer find(FetchRequest request) throws SourceException {
    URI uri = request.uri();
    String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    asked.add(key);
    Answer answer = answers.getOrDefault(key, answers.get(uri.getRawPath()));
    if (answer == null) {
      throw new AssertionError("unexpected request " + key);
    }
    if (answer.failure() != null) {
      throw answer.failure();
    }
    return answer;
  }

  private static FetchResponse response(FetchRequest request, Answer answer, boolean withBody) {
    return new FetchResponse(
        answer.status(),
        request.uri(),
        Map.of("Content-Type", List.of(answer.contentType())),
        withBody ? answer.body().getBytes(StandardCharsets.UTF_8) : null,
        false);
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws SourceException {
    return response(request, find(request), true);
  }

  @Override
  public <T> T fetch(FetchRequest request, BodyReader<T> reader) throws SourceException {
    Answer answer = find(request);
    try {
      return reader.read(
          new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)),
          response(request, answer, false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
