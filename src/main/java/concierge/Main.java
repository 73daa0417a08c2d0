package concierge;

import concierge.cli.BenchCommand;
import concierge.cli.ChatCommand;
import concierge.cli.EvalCommand;
import concierge.cli.IngestCommand;
import concierge.cli.KeyHashCommand;
import concierge.cli.LlmSimCommand;
import concierge.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code concierge} command line: one fat jar, one subcommand per job. */
@Command(name = "concierge", mixinStandardHelpOptions = true, version = "concierge 0.1.0",
    description = "A customer-service agent server on Vert.x.",
    subcommands = {ServeCommand.class, IngestCommand.class, ChatCommand.class, EvalCommand.class, LlmSimCommand.class,
        concierge.cli.TailTurnsCommand.class,
        BenchCommand.class, KeyHashCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    int exit = new CommandLine(new Main()).execute(args.length == 0 ? new String[] {"serve"} : args);
    if (exit != 0 || (args.length > 0 && !"serve".equals(args[0]))) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
