INSERT INTO demo_settings VALUES ('greeting', shout_twice('hello'));
