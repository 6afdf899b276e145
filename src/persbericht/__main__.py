"""``python -m persbericht`` runs the command line."""

from persbericht.cli import main

main()
