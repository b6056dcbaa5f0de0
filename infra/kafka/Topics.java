// Idempotent topic creation in ONE JVM (run by topics.sh with the Java source launcher:
//   java -cp "$KAFKA_LIBS/*" infra/kafka/Topics.java BOOTSTRAP name=partitions ...).
// Creates missing topics (replication factor 1), then checks every topic's partition count.
// Exit 0 = all topics exist with the wanted partition count, 2 = count mismatch, 1 = error.
import java.util.*;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.errors.TopicExistsException;

public class Topics {
    public static void main(String[] args) throws Exception {
        Map<String, Integer> want = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            want.put(kv[0], Integer.parseInt(kv[1]));
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (var e : want.entrySet())
                if (!existing.contains(e.getKey()))
                    missing.add(new NewTopic(e.getKey(), e.getValue(), (short) 1));
            int created = 0;
            for (var e : admin.createTopics(missing).values().entrySet()) {
                try { e.getValue().get(); created++; }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) throw ex;
                }
            }
            Map<String, TopicDescription> d = admin.describeTopics(want.keySet()).allTopicNames().get();
            boolean ok = true;
            StringBuilder sb = new StringBuilder();
            for (var e : want.entrySet()) {
                int n = d.get(e.getKey()).partitions().size();
                sb.append(e.getKey()).append('=').append(n).append(' ');
                if (n != e.getValue()) {
                    ok = false;
                    System.err.printf("topic %s has %d partitions, expected %d%n", e.getKey(), n, e.getValue());
                }
            }
            System.out.printf("%d created, %d existed: %s%n", created, want.size() - created, sb.toString().trim());
            System.exit(ok ? 0 : 2);
        }
    }
}
