package dk.tilsyn.platform.web;

import java.util.List;

/** One page of a server-side paginated list. Pages are numbered from 1. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static int clampPage(Integer page) {
        return page == null || page < 1 ? 1 : page;
    }

    public static int clampSize(Integer size) {
        return size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }

    public int pages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public long first() {
        return total == 0 ? 0 : offset(page, size) + 1;
    }

    public long last() {
        return Math.min(offset(page, size) + items.size(), total);
    }
}
