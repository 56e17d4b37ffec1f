package lab.kit.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A stand-in for an object, seen through one of its interfaces, that lets a test watch or refuse calls
 * before they reach it: "no commit before flush", "close only after the commit", "the consumer must not
 * commit by itself". The code under test gets the stand-in and cannot tell. {@code toString},
 * {@code equals} and {@code hashCode} go straight to the object, so logging it is not a "call".
 *
 * <pre>{@code
 * Consumer<String, String> watched = Intercept.of(Consumer.class, consumer, call -> {
 *     if (call.named("commitSync")) {
 *         commits.add(...);
 *     }
 *     return call.proceed();
 * });
 * }</pre>
 */
public final class Intercept {

    /** One call on the stand-in. */
    public interface Call {
        Method method();

        /** The arguments; an empty array for none. */
        Object[] args();

        default boolean named(String name) {
            return method().getName().equals(name);
        }

        /** Passes the call on to the real object and returns what it returned (or throws what it threw). */
        Object proceed() throws Throwable;
    }

    /** What the stand-in does with a call: usually something, then {@link Call#proceed()}. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Call call) throws Throwable;
    }

    private Intercept() {
    }

    /** A stand-in for {@code target}, of the interface {@code type} only, whose calls go through {@code handler}. */
    @SuppressWarnings("unchecked")
    public static <I> I of(Class<I> type, I target, Handler handler) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is a class; a stand-in can only be made for an "
                    + "interface (Consumer, not KafkaConsumer)");
        }
        return (I) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Call call = new Call() {
                @Override
                public Method method() {
                    return method;
                }

                @Override
                public Object[] args() {
                    return args == null ? new Object[0] : args;
                }

                @Override
                public Object proceed() throws Throwable {
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            };
            return method.getDeclaringClass() == Object.class ? call.proceed() : handler.handle(call);
        });
    }
}
