package io.github.nnvizonnx.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.nnvizonnx.model.DisplayText;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON as RFC 8259 has it, into Gson's tree, refusing what Gson's own parser lets through: a key given twice
 * in one object (which value would count?), comments and other lenient syntax, nesting deeper than
 * {@link #MAX_NESTING} (the format needs six levels). Built without recursion, and every error is one line in our
 * words, with where it is: Gson's messages name its methods and can quote the path of 100,000 nested arrays.
 */
final class StrictJsonTree {
    /** The deepest nesting of arrays and objects read. */
    static final int MAX_NESTING = 64;
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    private StrictJsonTree() {
    }

    static JsonElement parse(Reader source) {
        JsonReader in = new JsonReader(source);
        in.setStrictness(Strictness.STRICT);
        try {
            JsonElement root = read(in);
            if (!atEnd(in)) {
                throw error(in, "more text follows the JSON value");
            }
            return root;
        } catch (EOFException e) {
            throw new JsonModelException("malformed JSON: the file ends in the middle of a value", e);
        } catch (UncheckedIOException e) {
            throw new JsonModelException("cannot read the JSON file (" + e.getCause().getMessage() + ")", e);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw error(in, "not valid JSON");
        }
    }

    /** Whether nothing but white space follows (a strict reader refuses to even look at a second value). */
    private static boolean atEnd(JsonReader in) {
        try {
            return in.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonElement read(JsonReader in) throws IOException {
        Deque<JsonElement> open = new ArrayDeque<>(); // the arrays and objects being filled, innermost first
        Deque<String> keys = new ArrayDeque<>(); // for each open object, the key of the value being read
        while (true) {
            JsonToken token = in.peek();
            JsonElement value;
            switch (token) {
                case BEGIN_ARRAY, BEGIN_OBJECT -> {
                    if (open.size() >= MAX_NESTING) {
                        throw error(in, "arrays and objects nested more than " + MAX_NESTING + " deep");
                    }
                    if (token == JsonToken.BEGIN_ARRAY) {
                        in.beginArray();
                        open.push(new JsonArray());
                    } else {
                        in.beginObject();
                        open.push(new JsonObject());
                    }
                    continue;
                }
                case NAME -> {
                    String key = in.nextName();
                    if (open.peek().getAsJsonObject().has(key)) {
                        throw error(in, "the key \"" + DisplayText.clip(key, 60) + "\" appears twice in one object");
                    }
                    keys.push(key);
                    continue;
                }
                case END_ARRAY, END_OBJECT -> {
                    if (token == JsonToken.END_ARRAY) {
                        in.endArray();
                    } else {
                        in.endObject();
                    }
                    value = open.pop();
                }
                case STRING -> value = new JsonPrimitive(in.nextString());
                case NUMBER -> value = new JsonPrimitive(new BigDecimal(in.nextString()));
                case BOOLEAN -> value = new JsonPrimitive(in.nextBoolean());
                case NULL -> {
                    in.nextNull();
                    value = JsonNull.INSTANCE;
                }
                default -> throw error(in, "the file ends in the middle of a value");
            }
            if (open.isEmpty()) {
                return value;
            }
            JsonElement parent = open.peek();
            if (parent.isJsonArray()) {
                parent.getAsJsonArray().add(value);
            } else {
                parent.getAsJsonObject().add(keys.pop(), value);
            }
        }
    }

    /** {@code what} at the reader's position: {@code malformed JSON at line 3, column 7: …}. */
    private static JsonModelException error(JsonReader in, String what) {
        Matcher m = WHERE.matcher(in.toString());
        String where = m.find() ? " at line " + m.group(1) + ", column " + m.group(2) : "";
        return new JsonModelException("malformed JSON" + where + ": " + what);
    }
}
