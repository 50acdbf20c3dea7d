package dk.tilsyn.platform.jdbc;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps rows to a record the way {@code JdbcClient.query(Type.class)} does (each component from the column of its
 * name, or else of its name with underscores: {@code personKey} from {@code person_key}; values converted alike),
 * but finds the columns once per query. Spring's mapper asks the result set for the component's own name first on
 * every row, and PostgreSQL's driver answers a missing name with an exception: a stack trace and a formatted message
 * per row and camel-case component, 8 % of the server's CPU on the findings list (docs/performance.md, session 6).
 *
 * <p>A mapper belongs to one query: make a new one with {@link #of} for each (it keeps the column positions it
 * found); what it learns about the record type is shared.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();
    private static final Map<Class<?>, Shape<?>> SHAPES = new ConcurrentHashMap<>();

    /** A record type's canonical constructor, its components' names and types. */
    private record Shape<T>(Constructor<T> constructor, String[] names, TypeDescriptor[] types) {

        static <T> Shape<T> of(Class<T> type) {
            Constructor<T> constructor = BeanUtils.getResolvableConstructor(type);
            String[] names = constructor.getParameterCount() == 0 ? new String[0]
                    : BeanUtils.getParameterNames(constructor);
            TypeDescriptor[] types = new TypeDescriptor[names.length];
            for (int i = 0; i < names.length; i++) {
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            }
            return new Shape<>(constructor, names, types);
        }
    }

    private final Shape<T> shape;
    /** The column of each component, found from the first row's metadata. */
    private int[] columns;

    private RecordRows(Shape<T> shape) {
        this.shape = shape;
    }

    /** A mapper for one query. */
    @SuppressWarnings("unchecked")
    public static <T extends Record> RecordRows<T> of(Class<T> type) {
        return new RecordRows<>((Shape<T>) SHAPES.computeIfAbsent(type, Shape::of));
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (columns == null) {
            columns = columns(rs.getMetaData());
        }
        Object[] args = new Object[columns.length];
        for (int i = 0; i < args.length; i++) {
            TypeDescriptor type = shape.types()[i];
            args[i] = CONVERSION.convert(JdbcUtils.getResultSetValue(rs, columns[i], type.getType()), type);
        }
        return BeanUtils.instantiateClass(shape.constructor(), args);
    }

    /** Labels compared ignoring case, the first of equal labels winning, as the drivers' own look-up does. */
    private int[] columns(ResultSetMetaData metadata) throws SQLException {
        Map<String, Integer> byLabel = new HashMap<>();
        for (int index = metadata.getColumnCount(); index >= 1; index--) {
            byLabel.put(JdbcUtils.lookupColumnName(metadata, index).toLowerCase(Locale.ROOT), index);
        }
        int[] found = new int[shape.names().length];
        for (int i = 0; i < found.length; i++) {
            String name = shape.names()[i];
            Integer index = byLabel.get(name.toLowerCase(Locale.ROOT));
            if (index == null) {
                index = byLabel.get(JdbcUtils.convertPropertyNameToUnderscoreName(name).toLowerCase(Locale.ROOT));
            }
            if (index == null) {
                throw new SQLException("No column for " + shape.constructor().getDeclaringClass().getSimpleName()
                        + "." + name + " (nor " + JdbcUtils.convertPropertyNameToUnderscoreName(name) + ")");
            }
            found[i] = index;
        }
        return found;
    }
}
